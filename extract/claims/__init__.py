"""Claim extraction: every stated figure or target in an article becomes a structured, sourced claim.

``extract_claims(article) -> list[dict]`` (schema: ../shared/reference/claims.md, docs/claims.md). The package is a
chain of small stages, each in its own module (see docs/claims.md "Architecture").
"""
from extract.claims.gaz import resolve_institution
from extract.claims.pipeline import CLAIM_FIELDS, EXTRACTOR_VERSION, LINK_FIELDS, SEAM_FIELDS, extract_claims
from extract.claims.when import stated_on

__all__ = ["CLAIM_FIELDS", "EXTRACTOR_VERSION", "LINK_FIELDS", "SEAM_FIELDS", "extract_claims", "resolve_institution", "stated_on"]
