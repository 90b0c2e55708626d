-- vigie schema, version 2: the map's usual query (a date window and a
-- bounding box) is answered from one index, without reading the records.
CREATE INDEX events_date_position ON events(event_date, latitude, longitude);
-- It starts with the event date, so the date-only index is redundant.
DROP INDEX events_date;
