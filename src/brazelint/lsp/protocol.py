"""pygls's protocol, made to answer every malformed request instead of dropping it.

pygls decodes a message before it knows what to do with it; when a request's params do
not fit the method's type (``textDocument/hover`` without a position), decoding raises,
pygls logs it and the client waits for an answer that never comes. Here such a request
becomes an ``InvalidParams`` error response (a notification, which has no answer, is
logged). Unknown methods already get ``MethodNotFound`` from pygls.
"""

from __future__ import annotations

import logging
from typing import Any, Union

from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.protocol import LanguageServerProtocol

logger = logging.getLogger(__name__)

MsgId = Union[int, str]


class Undecodable:
    """A request whose params did not decode: answered with ``error``."""

    __slots__ = ("error", "id", "method")

    def __init__(self, msg_id: MsgId, method: str, error: JsonRpcException) -> None:
        self.id = msg_id
        self.method = method
        self.error = error


class RobustProtocol(LanguageServerProtocol):
    """Turns undecodable requests into error answers; everything else as pygls does."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as err:
            msg_id = data.get("id")
            if isinstance(msg_id, (int, str)) and isinstance(data.get("method"), str):
                return Undecodable(msg_id, data["method"], err)
            raise

    def handle_message(self, message: Any) -> None:
        if isinstance(message, Undecodable):
            logger.warning("invalid params for %s (request %s)", message.method, message.id)
            error = message.error
            if isinstance(error, JsonRpcInvalidParams):
                error = JsonRpcInvalidParams(f"invalid params for {message.method}")
            self._send_response(message.id, None, error.to_response_error())
            return
        super().handle_message(message)
