/* fake-hub.h: a SoupServer on 127.0.0.1 that plays the Hub for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "async-wait.h"
#include "hub-client.h"

G_BEGIN_DECLS

#define FAKE_TOKEN "hf_testTOKENsecret1234567890"
#define FAKE_USER_AGENT "hub-analytics/" PACKAGE_VERSION

/* The organisation's name picks the behaviour of the breakdown route:
 *   acme            Content-Length
 *   chunked         chunked, in small pieces
 *   slow            chunked, a piece every 20 ms
 *   gzip            gzip-encoded (when the client accepts it)
 *   truncated       Content-Length larger than the bytes sent, then closed
 *   dropped         chunked, closed in the middle of the body
 *   chunked-cut-row      chunked, closed at a row boundary without the last chunk
 *   chunked-cut-mid-row  the same, closed in the middle of a row
 *   gzip-cut-close       a gzip stream cut at a row boundary, ended by closing
 *   gzip-cut-chunked     the same, in a complete chunked body
 *   stall           the headers, one piece, then nothing
 *   stall-headers   nothing at all
 *   html            a 200 text/html sign-in page
 *   html-as-csv     a web page sent as text/csv
 *   e401 e403 e404  that status
 *   limited         429 with Retry-After: 1 once, then the breakdown
 *   limited-date    429 with Retry-After as an HTTP date 2 s ahead, once
 *   limited-30      429 with Retry-After: 30
 *   limited-long    429 with Retry-After: 3600
 *   flaky           503 twice, then the breakdown
 *   down            500 always
 *   same-origin     302 to acme's breakdown on this server
 *   cdn             302 to the second server (another origin)
 *   insecure        302 to http://example.com/
 *   cdn-stall       307 to the second server, which never answers
 */
typedef struct
{
  SoupServer *server;
  SoupServer *cdn;
  char       *url;          /* http://127.0.0.1:PORT */
  char       *cdn_url;      /* http://127.0.0.1:OTHERPORT */
  GBytes     *breakdown;    /* what the breakdown routes serve */
  GHashTable *hits;         /* path → count */
  guint       cdn_hits;
  gboolean    token_leaked; /* a token reached the CDN */
  gboolean    bad_agent;    /* a request without our User-Agent */
  char       *last_agent;
  char       *last_accept_encoding;
  GPtrArray  *pending;      /* paused messages of slow answers */
  const char *mode;         /* when set, every organisation behaves as this one */
} FakeHub;

/* The listings (/api/models, /api/datasets, /api/spaces) of any author but
 * acme need no token, and list the private repositories (NAME/secret-N)
 * only with FAKE_TOKEN; a wrong token is a 401. By the author's name:
 *   any name        5 models, 3 datasets, 2 spaces, 2 a page
 *   many-N          N repositories (a fifth of them datasets), 1000 a page
 *   pub-none        nothing
 *   pub-429         429 with Retry-After: 1 on the second page of models, once
 *   pub-500         500 on every page of datasets
 *   pub-cut         the second page of datasets cut short
 * Each time the first page of models is served a new round starts, and
 * repository N's downloadsAllTime is fake_hub_public_all_time (…, N, round). */
gint64   fake_hub_public_all_time (const char *author,
                                   const char *api,
                                   guint       index,
                                   guint       round);

FakeHub *fake_hub_new        (GBytes     *breakdown);
void     fake_hub_free       (FakeHub    *hub);
guint    fake_hub_hits       (FakeHub    *hub,
                              const char *path);
char    *fake_hub_breakdown_path (const char *org);

/* A run of the hub-analytics binary against the test Hub: the callback
 * fills it in and sets done. */
typedef struct
{
  gboolean  done;
  int       status;
  char     *out;
  char     *err;
} FakeHubRun;

void     fake_hub_run_clear        (FakeHubRun   *run);
void     fake_hub_run_communicated (GObject      *object,
                                    GAsyncResult *result,
                                    gpointer      user_data);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FakeHubRun, fake_hub_run_clear)

/* A client of hub with token (may be NULL): a 10 ms back-off after a 5xx. */
HubClient *fake_hub_new_client (FakeHub    *hub,
                                const char *token);

/* The fixture: a generated breakdown of 40 repositories over 200 days. */
GBytes  *fake_hub_load_fixture (void);

/* Runs the default main context until *done, failing the test after
 * timeout_s seconds, so that no test can hang. */
void     fake_hub_wait       (gboolean   *done,
                              guint       timeout_s);

/* Runs the default main context until path was asked for hits times,
 * failing the test after timeout_s seconds. */
void     fake_hub_wait_for_hits (FakeHub    *hub,
                                 const char *path,
                                 guint       hits,
                                 guint       timeout_s);

/* Removes a folder made for a test, and all it holds. */
void     fake_hub_remove_tree (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeHub, fake_hub_free)

G_END_DECLS
