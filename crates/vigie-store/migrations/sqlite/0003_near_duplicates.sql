-- vigie schema, version 3: an article telling the same (wire) story as an
-- earlier one names it; both stay separate sources of their events.
ALTER TABLE articles ADD COLUMN near_duplicate_of TEXT;
