"""Services: the only code that opens transactions; called alike by the web views and the CLI."""
