/* hub-dialogs.h: what the dialogs and pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void hub_dialogs_ensure_resources (void);

G_END_DECLS
