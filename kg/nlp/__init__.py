"""spaCy pipeline: tokenizer, entity rules, events and relations as pipeline components."""
