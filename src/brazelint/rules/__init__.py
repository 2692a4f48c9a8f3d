"""The lint rules: one module per rule (its metadata, examples and check), listed by code in
``rules/registry.py``."""
