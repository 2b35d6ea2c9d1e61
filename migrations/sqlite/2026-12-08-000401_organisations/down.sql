DROP TABLE api_clients;
DROP TABLE organisation_people;
DROP TABLE organisations;
