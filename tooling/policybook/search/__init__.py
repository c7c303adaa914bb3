"""Japanese search that finds what staff type: one tokenizer for index and query."""
