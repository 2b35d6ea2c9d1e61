-- Nothing to undo: the folded text still finds what it found before.
SELECT 1;
