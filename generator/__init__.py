"""apismith: a staged code generator from API specifications to Python client packages.

Stages, one module or folder each, data flowing one way:
load -> frontends (smithy | openapi) -> ir -> validate -> render -> format -> write.
"""

__version__ = "0.1.0"
