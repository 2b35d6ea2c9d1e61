-- People's search text folds letters typed differently (issue 19: "yilmaz" finds "Yılmaz"):
-- the same mapping as `people::domain::fold`, on the rows stored before it. Lower-case
-- already: `search_text` is folded when written.
UPDATE people SET search_text =
    replace(replace(replace(replace(replace(replace(replace(replace(search_text,
        'ı', 'i'), 'ł', 'l'), 'ø', 'o'), 'đ', 'd'), 'ð', 'd'), 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe');
