-- Liège and Seraing share a border (Sclessin, Ougrée) but their centroids are 7.9 km apart, so
-- the first list, drawn by distance, missed them: two people of the two largest communes of the
-- area never counted as neighbours in Duo2Change matching.
INSERT OR IGNORE INTO commune_neighbours (commune_id, neighbour_id)
SELECT a, b FROM (SELECT 'liege' AS a, 'seraing' AS b UNION ALL SELECT 'seraing', 'liege')
WHERE EXISTS (SELECT 1 FROM communes WHERE id = 'liege')
  AND EXISTS (SELECT 1 FROM communes WHERE id = 'seraing');
