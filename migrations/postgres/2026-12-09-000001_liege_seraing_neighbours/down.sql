DELETE FROM commune_neighbours
WHERE (commune_id = 'liege' AND neighbour_id = 'seraing')
   OR (commune_id = 'seraing' AND neighbour_id = 'liege');
