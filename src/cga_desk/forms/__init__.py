"""forms layer of CGA Desk (see docs/architecture.md)."""
