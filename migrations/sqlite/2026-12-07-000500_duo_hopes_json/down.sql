UPDATE duo_candidacies
SET hopes = replace(replace(replace(replace(hopes, '[', ''), ']', ''), '"', ''), ' ', '');
