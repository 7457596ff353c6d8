"""Stage 1: read a spec file (YAML or JSON) into plain data, keeping every node's position."""

from generator.load.document import Document, Path, detect_format, load_document

__all__ = ["Document", "Path", "detect_format", "load_document"]
