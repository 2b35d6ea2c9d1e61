DROP TABLE commune_postcodes;
