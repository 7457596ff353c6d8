"""Hand-written runtime embedded in every generated client package.

The generator copies this folder verbatim into ``<package>/_runtime/`` so that each generated
package is self-contained: HTTP value types and transports (``_http``, ``_transport``), retries
(``_retry``), AWS SigV4 (``_sigv4``), botocore's retry headers (``_aws_retry``) and credential
chain (``_credentials``, built on ``_aws_config``, ``_aws_refresh``, ``_aws_http``, ``_aws_sts``
and ``_aws_sources``), OpenAPI
credentials and parameter and body encodings (``_auth``, ``_bearer``, ``_styles``, ``_bodies``),
Azure SharedKey (``_sharedkey``) and wire-format helpers (``_serde``, ``_wire``). A package
gets only the modules its protocol and auth use.

Nothing is imported here so that importing one module never pays for the others (``httpx`` in
particular is only imported by the async transport).
"""
