// Brings libpq, PostgreSQL's reference C client (Debian: libpq-dev), into Swift.
// pkg-config `libpq` adds -I/usr/include/postgresql.
#include <libpq-fe.h>
