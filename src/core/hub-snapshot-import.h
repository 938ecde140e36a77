/* hub-snapshot-import.h: folders of snapshot CSV files, as community scrapers write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-date.h"

G_BEGIN_DECLS

#define HUB_IMPORT_ERROR (hub_import_error_quark ())

/* Bad input is refused whole, with the file, `line N` and the column. */
typedef enum
{
  HUB_IMPORT_ERROR_READ,            /* the folder or a file could not be read */
  HUB_IMPORT_ERROR_NO_FILES,        /* no .csv file in the folder */
  HUB_IMPORT_ERROR_NOT_CSV,         /* not UTF-8 text, or libcsv gave up */
  HUB_IMPORT_ERROR_MISSING_COLUMN,  /* no repository column, or no figure at all */
  HUB_IMPORT_ERROR_NO_DAY,          /* neither the file's name nor a column gives the day */
  HUB_IMPORT_ERROR_SHORT_ROW,
  HUB_IMPORT_ERROR_BAD_COUNT,
  HUB_IMPORT_ERROR_BAD_DATE,
} HubImportErrorCode;

/* What a column was taken for. */
typedef enum
{
  HUB_IMPORT_COLUMN_IGNORED,
  HUB_IMPORT_COLUMN_REPO,           /* "owner/name", or the repository's address */
  HUB_IMPORT_COLUMN_TYPE,           /* model, dataset or space */
  HUB_IMPORT_COLUMN_DOWNLOADS,      /* the Hub's last 30 days */
  HUB_IMPORT_COLUMN_ALL_TIME,
  HUB_IMPORT_COLUMN_LIKES,
  HUB_IMPORT_COLUMN_DAY,
} HubImportColumnRole;

typedef struct
{
  char                *header;      /* as the file writes it */
  HubImportColumnRole  role;
} HubImportColumn;

typedef struct
{
  char      *name;                  /* the file's base name */
  HubDay     day;                   /* from the name; HUB_DAY_NONE when a column gives it */
  GPtrArray *columns;               /* HubImportColumn, in the file's order */
  guint      rows;                  /* data records */
} HubImportFile;

typedef enum
{
  HUB_IMPORT_ISSUE_UNKNOWN,         /* no repository Hub Analytics recognises, or no figure */
  HUB_IMPORT_ISSUE_REPEATED,        /* the same repository, day and figures again: counted once */
  HUB_IMPORT_ISSUE_CONFLICTING,     /* the same repository and day with other figures: left out */
} HubImportIssueKind;

typedef struct
{
  HubImportIssueKind kind;
  char              *file;
  guint              line;
  char              *repo;          /* as the file writes it */
  HubDay             day;           /* HUB_DAY_NONE for an unknown row */
  char              *other_file;    /* where the first row of that repository and day is */
  guint              other_line;
} HubImportIssue;

/* One repository's figures in an imported snapshot; -1 where not given. */
typedef struct
{
  char   *type;
  char   *name;
  gint64  downloads;
  gint64  downloads_all_time;
  gint64  likes;
} HubImportFigures;

typedef struct
{
  char      *author;                /* the owner part of the repositories' names */
  HubDay     day;
  GPtrArray *figures;               /* HubImportFigures, by type and name */
} HubImportSnapshot;

/* What a folder holds, before anything is written: the files and the
 * columns recognised in each, the snapshots it makes (an author and a day
 * each, without the conflicting rows), and every row left out and why. */
typedef struct
{
  GPtrArray *files;                 /* HubImportFile, by name */
  GPtrArray *snapshots;             /* HubImportSnapshot, by author, then day */
  GPtrArray *issues;                /* HubImportIssue, in the order read */
  guint      rows;
  guint      unknown;
  guint      repeated;
  guint      conflicting;
  /* private */
  GHashTable *seen;
} HubImportPreview;

GQuark            hub_import_error_quark       (void);

/* hub_import_preview_folder() reads a whole folder. The pieces, for the
 * fuzzer and the tests: add each file's text, then finish once. A file
 * refused leaves the preview incomplete: drop it, as the folder's reader
 * does, so that a bad file refuses the whole import. */

HubImportPreview *hub_import_preview_new       (void);
void              hub_import_preview_free      (HubImportPreview  *preview);
gboolean          hub_import_preview_add_file  (HubImportPreview  *preview,
                                                const char        *name,
                                                const char        *data,
                                                gsize              len,
                                                GError           **error);
void              hub_import_preview_finish    (HubImportPreview  *preview);
HubImportPreview *hub_import_preview_folder    (GFile             *folder,
                                                GCancellable      *cancellable,
                                                GError           **error);

const char       *hub_import_column_role_name  (HubImportColumnRole role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubImportPreview, hub_import_preview_free)

G_END_DECLS
