"""The built-in rules extractor passes the conformance kit, and the kit's checks catch broken extractors."""
