/*
 * replay.c — replay an allocation trace recorded from a real program
 * (workloads/traces/, recorded with scripts/record-traces.sh).
 *
 * The trace format, one record per line (plain text or gzip):
 *
 *   # anything                 a comment; blank lines are ignored too
 *   a ID SIZE                  allocate object ID of SIZE bytes (1 B .. 1 GiB)
 *   f ID                       object ID dies (free)
 *   r OLD NEW SIZE             realloc: NEW gets SIZE bytes and OLD's contents
 *                              (up to the smaller size), then OLD dies
 *   p ID OFFSET TARGET         store a pointer to TARGET (an ID, or - for
 *                              none) at byte OFFSET (8-aligned) of ID
 *
 * IDs are decimal, below 2^31, and name one live object at a time (an ID
 * may be allocated again after it dies). The whole trace is read and checked
 * before anything runs: a malformed line, a free of an ID that is not live,
 * an allocation of a live ID or a store out of bounds is an error naming the
 * file and line, and nothing is replayed.
 *
 * On manual backends a free is a free. On GC backends every live object is
 * held in a root table (slot ID) until its free record clears the slot.
 * Objects that receive pointer stores are allocated as arrays of pointer
 * slots; the others are noscan and stamped (first and last word) with their
 * ID, checked when they die. --size N replays the trace N times.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "workloads.h"

typedef struct slot {
	void *p;
} slot;

WTYPE(slot_t, slot, offsetof(slot, p));

enum { OP_A, OP_F, OP_R, OP_P };
#define MAX_SIZE ((uint64_t)1 << 30)
#define MAX_ID ((uint64_t)1 << 31)

typedef struct op {
	uint8_t kind;
	uint32_t id, id2; /* r: OLD, NEW; p: ID, TARGET (UINT32_MAX = none) */
	uint64_t n;       /* a, r: size; p: offset */
} op;

typedef struct trace {
	op *ops;
	size_t nops, cap;
	uint32_t nids;   /* IDs are < nids */
	uint64_t *size;  /* while checking: size of the live object, 0 = not live */
	uint8_t *scan;   /* IDs that receive pointer stores */
	const char *path;
} trace;

static int bad_line(const trace *tr, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int bad_line(const trace *tr, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "tcbench: replay: %s:%lu: ", tr->path, line);
	vfprintf(stderr, fmt, ap);
	fputs("; nothing was replayed\n", stderr);
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

static int parse_line(trace *tr, char *s, unsigned long line)
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
	if (id >= MAX_ID || (id2 >= MAX_ID && !(kind == OP_P && id2 == UINT64_MAX)))
		return bad_line(tr, line, "\"%s\": an ID is 2^31 or more", shapes[kind]);
	if ((kind == OP_A || kind == OP_R) && (n == 0 || n > MAX_SIZE))
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

static int load(trace *tr, const char *path)
{
	memset(tr, 0, sizeof *tr);
	tr->path = path;
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
			rc = parse_line(tr, buf, line);
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

static void *new_object(bk_thread *t, const trace *tr, uint32_t id, uint64_t size)
{
	if (tr->scan[id])
		return bk_alloc_array(t, &slot_t, (size + 7) / 8);
	void *p = bk_alloc_noscan(t, size);
	wl_stamp(p, size, id);
	return p;
}

/* One pass over the trace. Returns the number of damaged objects found. */
static long replay_once(bk_thread *t, const trace *tr, void **tab, uint64_t *size)
{
	long bad = 0;
	for (size_t i = 0; i < tr->nops; i++) {
		const op *o = &tr->ops[i];
		if ((i & 1023) == 0)
			bk_safepoint(t);
		switch (o->kind) {
		case OP_A:
			bk_write(t, &tab[o->id], new_object(t, tr, o->id, o->n));
			size[o->id] = o->n;
			break;
		case OP_F:
		case OP_R: {
			void *old = tab[o->id];
			uint64_t osize = size[o->id];
			bad += !tr->scan[o->id] && !wl_stamp_ok(old, osize, o->id);
			if (o->kind == OP_R) {
				void *p = new_object(t, tr, o->id2, o->n);
				uint64_t n = osize < o->n ? osize : o->n;
				if (tr->scan[o->id] && tr->scan[o->id2])
					for (uint64_t w = 0; w < n / 8; w++)
						bk_write(t, &((void **)p)[w], ((void **)old)[w]);
				bk_write(t, &tab[o->id2], p);
				size[o->id2] = o->n;
			}
			if (o->kind == OP_F || o->id2 != o->id) {
				bk_write(t, &tab[o->id], NULL);
				size[o->id] = 0;
			}
			bk_free(t, old, osize);
			break;
		}
		default:
			bk_write(t, &((void **)tab[o->id])[o->n / 8], o->id2 == UINT32_MAX ? NULL : tab[o->id2]);
		}
	}
	return bad;
}

static trace tr; /* loaded by replay_prepare, outside the timed run */

int replay_prepare(const wargs *a)
{
	if (a->trace == NULL) {
		fprintf(stderr, "tcbench: replay needs --trace FILE (a trace, plain or gzip; see workloads/traces/)\n");
		return 2;
	}
	return load(&tr, a->trace) != 0 ? 2 : 0;
}

int replay_run(const wargs *a)
{
	void **tab = calloc(tr.nids, sizeof *tab); /* the root table: slot ID holds object ID */
	uint64_t *size = calloc(tr.nids, sizeof *size);
	if (tab == NULL || size == NULL)
		bk_die("replay: out of memory for %u IDs", tr.nids);
	bk_root_add(tab, tr.nids);
	bk_thread *t = bk_attach();
	long bad = 0;
	uint64_t live = 0;
	for (long r = 0; r < a->size; r++) {
		bad += replay_once(t, &tr, tab, size);
		/* What the trace left live dies before the next pass. */
		for (uint32_t id = 0; id < tr.nids; id++) {
			if (tab[id] == NULL)
				continue;
			live += r == 0;
			bad += !tr.scan[id] && !wl_stamp_ok(tab[id], size[id], id);
			bk_free(t, tab[id], size[id]);
			bk_write(t, &tab[id], NULL);
			if ((id & 4095) == 0)
				bk_safepoint(t);
		}
	}
	fprintf(a->out, "replay: %s: %zu records, %u IDs, %llu left live at the end, %ld pass(es), %s\n", a->trace,
		tr.nops, tr.nids, (unsigned long long)live, a->size, bad ? "WRONG" : "ok");
	if (bad)
		fprintf(stderr, "tcbench: replay: %ld objects were damaged\n", bad);
	bk_root_remove(tab);
	bk_detach(t);
	free(tab);
	free(size);
	free(tr.ops);
	free(tr.size);
	free(tr.scan);
	return bad != 0;
}
