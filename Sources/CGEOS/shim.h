#ifndef CGEOS_SHIM_H
#define CGEOS_SHIM_H
// Reentrant API only: every call takes a GEOSContextHandle_t owned by one Swift object.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
