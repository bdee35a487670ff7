#!/bin/sh
# Runs once, when the postgres volume is created: the application's login, a member of
# opvangplek_app (the role migrations grant the tables to; README, "Database roles"). The owner,
# POSTGRES_USER, runs the migrations. On a volume from before this file, run these two statements
# once by hand: docker compose exec postgres psql -U opvangplek
set -e
psql -v ON_ERROR_STOP=1 -v password="$APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE opvangplek_app NOLOGIN;
CREATE ROLE opvangplek_api LOGIN PASSWORD :'password' IN ROLE opvangplek_app;
SQL
