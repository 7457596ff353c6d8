"""Stage 4: the Python target. IR -> view objects -> Jinja2 templates -> black -> files."""
