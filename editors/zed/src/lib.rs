// Zed starts a language server only when an extension declares it: this one declares
// `brazelint` and starts `brazelint lsp` from the PATH of the project's shell.
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Brazelint;

impl zed::Extension for Brazelint {
    fn new() -> Self {
        Brazelint
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree
            .which("brazelint")
            .ok_or("brazelint is not on PATH: pip install 'brazelint[lsp]'")?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".to_string()],
            env: Default::default(),
        })
    }
}

zed::register_extension!(Brazelint);
