/* trace.c — the allocation trace parser (the format is in trace.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "trace.h"

static int bad_line(const trace *tr, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int bad_line(const trace *tr, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	FILE *err = tr->err ? tr->err : stderr;
	fprintf(err, "tcbench: replay: %s:%lu: ", tr->path, line);
	vfprintf(err, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized): va_start is just above
	fputs("; nothing was replayed\n", err);
	va_end(ap);
	return -1;
}

static int grow_ids(trace *tr, uint64_t id)
{
	if (id < tr->nids)
		return 0;
	uint32_t n = tr->nids ? tr->nids : 1024;
	while (n <= id)
		n *= 2;
	uint64_t *s = realloc(tr->size, n * sizeof *s);
	uint8_t *sc = s ? realloc(tr->scan, n) : NULL;
	if (s)
		tr->size = s;
	if (sc == NULL)
		return -1;
	tr->scan = sc;
	memset(s + tr->nids, 0, (n - tr->nids) * sizeof *s);
	memset(sc + tr->nids, 0, n - tr->nids);
	tr->nids = n;
	return 0;
}

/* Parse a decimal field; "-" gives UINT64_MAX when dash_ok. */
static int field(char **p, uint64_t *v, int dash_ok)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
	if (dash_ok && **p == '-' && ((*p)[1] == 0 || (*p)[1] == ' ' || (*p)[1] == '\n' || (*p)[1] == '\t')) {
		(*p)++;
		*v = UINT64_MAX;
		return 0;
	}
	if (**p < '0' || **p > '9')
		return -1;
	char *end;
	errno = 0;
	unsigned long long x = strtoull(*p, &end, 10);
	if (errno)
		return -1;
	*p = end;
	*v = x;
	return 0;
}

int trace_parse_line(trace *tr, char *s, unsigned long line)
{
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '#' || *s == '\n' || *s == 0)
		return 0;
	char k = *s++;
	static const char *const shapes[] = {"a ID SIZE", "f ID", "r OLD NEW SIZE", "p ID OFFSET TARGET"};
	int kind = k == 'a' ? OP_A : k == 'f' ? OP_F : k == 'r' ? OP_R : k == 'p' ? OP_P : -1;
	if (kind < 0 || (*s != ' ' && *s != '\t'))
		return bad_line(tr, line, "unknown record \"%.20s\": expected a, f, r or p", s - 1);
	uint64_t v[3] = {0, 0, 0};
	int nf = kind == OP_F ? 1 : kind == OP_A ? 2 : 3;
	for (int i = 0; i < nf; i++)
		if (field(&s, &v[i], kind == OP_P && i == 2) != 0)
			return bad_line(tr, line, "malformed record: expected \"%s\"", shapes[kind]);
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	if (*s != 0)
		return bad_line(tr, line, "trailing text \"%.20s\"", s);
	uint64_t id = v[0], id2 = kind == OP_R ? v[1] : kind == OP_P ? v[2] : 0;
	uint64_t n = kind == OP_A ? v[1] : kind == OP_R ? v[2] : kind == OP_P ? v[1] : 0;
	if (id >= TRACE_MAX_ID || (id2 >= TRACE_MAX_ID && !(kind == OP_P && id2 == UINT64_MAX)))
		return bad_line(tr, line, "\"%s\": an ID is 2^24 or more (IDs must be dense)", shapes[kind]);
	if ((kind == OP_A || kind == OP_R) && (n == 0 || n > TRACE_MAX_SIZE))
		return bad_line(tr, line, "\"%s\": SIZE %llu is not 1 byte to 1 GiB", shapes[kind], (unsigned long long)n);
	if (grow_ids(tr, id) != 0 || (id2 != UINT64_MAX && grow_ids(tr, id2) != 0))
		return bad_line(tr, line, "out of memory");
	switch (kind) {
	case OP_A:
		if (tr->size[id])
			return bad_line(tr, line, "a %llu: that ID is already live", (unsigned long long)id);
		tr->size[id] = n;
		break;
	case OP_F:
		if (!tr->size[id])
			return bad_line(tr, line, "f %llu: that ID is not live", (unsigned long long)id);
		tr->size[id] = 0;
		break;
	case OP_R:
		if (!tr->size[id])
			return bad_line(tr, line, "r %llu: OLD is not live", (unsigned long long)id);
		if (tr->size[id2] && id2 != id)
			return bad_line(tr, line, "r: NEW %llu is already live", (unsigned long long)id2);
		tr->size[id] = 0;
		tr->size[id2] = n;
		break;
	default:
		if (!tr->size[id])
			return bad_line(tr, line, "p %llu: that ID is not live", (unsigned long long)id);
		if (n % 8 != 0 || n + 8 > tr->size[id])
			return bad_line(tr, line, "p: OFFSET %llu is not an 8-aligned word inside the %llu-byte object",
					(unsigned long long)n, (unsigned long long)tr->size[id]);
		if (id2 != UINT64_MAX && !tr->size[id2])
			return bad_line(tr, line, "p: TARGET %llu is not live", (unsigned long long)id2);
		tr->scan[id] = 1;
	}
	if (tr->nops == tr->cap) {
		size_t c = tr->cap ? 2 * tr->cap : 65536;
		op *o = realloc(tr->ops, c * sizeof *o);
		if (o == NULL)
			return bad_line(tr, line, "out of memory");
		tr->ops = o;
		tr->cap = c;
	}
	tr->ops[tr->nops++] = (op){(uint8_t)kind, (uint32_t)id, id2 == UINT64_MAX ? UINT32_MAX : (uint32_t)id2, n};
	return 0;
}

int trace_load(trace *tr, const char *path)
{
	FILE *errf = tr->err;
	memset(tr, 0, sizeof *tr);
	tr->path = path;
	tr->err = errf;
	gzFile f = gzopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "tcbench: replay: --trace %s: cannot open: %s\n", path, strerror(errno ? errno : ENOENT));
		return -1;
	}
	char buf[512];
	unsigned long line = 0;
	int rc = 0;
	while (rc == 0 && gzgets(f, buf, sizeof buf) != NULL) {
		line++;
		size_t len = strlen(buf);
		if (len == sizeof buf - 1 && buf[len - 1] != '\n')
			rc = bad_line(tr, line, "line longer than %zu bytes", sizeof buf - 2);
		else
			rc = trace_parse_line(tr, buf, line);
	}
	int err;
	const char *msg = gzerror(f, &err);
	if (rc == 0 && err != Z_OK && err != Z_STREAM_END)
		rc = bad_line(tr, line + 1, "cannot read: %s", msg);
	gzclose(f);
	if (rc == 0 && tr->nops == 0) {
		fprintf(stderr, "tcbench: replay: %s: no records\n", path);
		rc = -1;
	}
	return rc;
}


void trace_free(trace *tr)
{
	free(tr->ops);
	free(tr->size);
	free(tr->scan);
	tr->ops = NULL;
	tr->size = NULL;
	tr->scan = NULL;
	tr->nops = tr->cap = 0;
	tr->nids = 0;
}
