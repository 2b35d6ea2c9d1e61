DROP TABLE duo_follow_ups;
DROP TABLE duo_check_ins;
DROP TABLE duos;
DROP TABLE duo_blocks;
DROP TABLE duo_settings;
DROP TABLE duo_candidacies;
DROP TABLE commune_neighbours;
DROP TABLE communes;
