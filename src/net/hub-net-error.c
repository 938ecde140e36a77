/* hub-net-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-net-error.h"

G_DEFINE_QUARK (hub-net-error-quark, hub_net_error)
