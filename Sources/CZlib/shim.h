// Brings zlib (Debian: zlib1g-dev) into Swift.
#include <zlib.h>

// inflateInit2 is a macro, which Swift cannot call; this wrapper can be.
// windowBits 16 + MAX_WBITS: a gzip wrapper (RFC 1952) around a DEFLATE stream
// with any window size, header and trailer checked by zlib.
static inline int czlib_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 16 + MAX_WBITS);
}
