-- Hidden fields the host page attached (Candor.context), as a JSON object
-- of short text values; '{}' when there were none.
ALTER TABLE responses ADD COLUMN context TEXT NOT NULL DEFAULT '{}';
