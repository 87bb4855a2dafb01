/*
 * libp11faults: a PKCS#11 module for tests that forwards every call to the module named by P11_FAULTS_MODULE
 * (SoftHSM in Tongban's tests) and injects the faults real USB keys and vendor drivers show and SoftHSM never
 * does: PIN counters, a locked PIN, a key pulled out mid-signature, a driver that hangs or aborts the process, a
 * slow C_Initialize. P11_FAULTS lists them, comma-separated; README.md documents each. P11_FAULTS_TOKEN (a token
 * label) limits them to one key, so the other keys of a test behave normally.
 *
 * Only libc and libdl. The PKCS#11 headers are those pkcs11js ships (see README.md for their licences).
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CK_PTR *
#define CK_DECLARE_FUNCTION(returnType, name) returnType name
#define CK_DECLARE_FUNCTION_POINTER(returnType, name) returnType(*name)
#define CK_CALLBACK_FUNCTION(returnType, name) returnType(*name)
#ifndef NULL_PTR
#define NULL_PTR 0
#endif
#include "pkcs11.h"

#define EXPORT __attribute__((visibility("default")))

/* Tries a real key allows before it locks (Feitian and Longmai keys ship with 6 to 10; the number only shapes the
 * flags here: PKCS#11 has no count of tries left). */
#define MAX_TRIES 6

static CK_FUNCTION_LIST_PTR real;     /* the module we forward to */
static CK_FUNCTION_LIST table;        /* what the caller gets: real's entries, some replaced */
static int pinFaults;                 /* a pin-* fault is active: this module owns the PIN flags */
static int triesLeft = MAX_TRIES;     /* survives C_Finalize: a real key's counter lives on the key */
static int removeOnSign, crashOnSign;
static double hangOnSign, slowInit;
static char target[33];               /* P11_FAULTS_TOKEN, blank-padded like CK_TOKEN_INFO.label; empty = all */
static CK_SLOT_ID removedSlot = (CK_SLOT_ID)-1; /* the slot whose key was pulled: empty from then on */
static const char *once;              /* P11_FAULTS_ONCE: a file; a sign fault fires only if it can create it */

static void note(const char *what) {
  /* One line on stderr, so the test log says which fault fired (the token service logs stderr as is). */
  fprintf(stderr, "{\"component\":\"p11-faults\",\"message\":\"%s\"}\n", what);
  fflush(stderr);
}

static void pause_for(double seconds) {
  struct timespec ts = {(time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9)};
  while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {
  }
}

static void parse_faults(void) {
  const char *spec = getenv("P11_FAULTS");
  char buf[512];
  snprintf(buf, sizeof buf, "%s", spec ? spec : "");
  for (char *save = NULL, *item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
    while (*item == ' ') item++;
    char *value = strchr(item, '=');
    if (value) *value++ = '\0';
    if (!strcmp(item, "pin-count-low")) pinFaults = 1, triesLeft = 3;
    else if (!strcmp(item, "pin-final-try")) pinFaults = 1, triesLeft = 1;
    else if (!strcmp(item, "pin-locked")) pinFaults = 1, triesLeft = 0;
    else if (!strcmp(item, "remove-on-sign")) removeOnSign = 1;
    else if (!strcmp(item, "crash-on-sign")) crashOnSign = 1;
    else if (!strcmp(item, "hang-on-sign")) hangOnSign = value ? strtod(value, NULL) : 3600;
    else if (!strcmp(item, "slow-init")) slowInit = value ? strtod(value, NULL) : 5;
    else if (*item) fprintf(stderr, "p11-faults: unknown fault \"%s\" ignored\n", item);
  }
  once = getenv("P11_FAULTS_ONCE");
  if (once && !*once) once = NULL;
  const char *label = getenv("P11_FAULTS_TOKEN");
  if (label && *label) {
    memset(target, ' ', 32);
    memcpy(target, label, strlen(label) > 32 ? 32 : strlen(label));
  }
}

/* Whether the faults apply to the token in this slot (all tokens unless P11_FAULTS_TOKEN names one). */
static int targeted(CK_SLOT_ID slot) {
  if (!target[0]) return 1;
  CK_TOKEN_INFO info;
  if (real->C_GetTokenInfo(slot, &info) != CKR_OK) return 0;
  return memcmp(info.label, target, 32) == 0;
}

static int session_slot(CK_SESSION_HANDLE session, CK_SLOT_ID *slot) {
  CK_SESSION_INFO info;
  if (real->C_GetSessionInfo(session, &info) != CKR_OK) return 0;
  *slot = info.slotID;
  return 1;
}

static int gone(CK_SLOT_ID slot) { return slot == removedSlot; }

static CK_RV F_Initialize(CK_VOID_PTR args) {
  if (slowInit > 0) {
    note("slow-init");
    pause_for(slowInit);
  }
  return real->C_Initialize(args);
}

static CK_RV F_GetSlotList(CK_BBOOL present, CK_SLOT_ID_PTR list, CK_ULONG_PTR count) {
  if (!present || removedSlot == (CK_SLOT_ID)-1) return real->C_GetSlotList(present, list, count);
  CK_SLOT_ID all[64];
  CK_ULONG n = 64;
  CK_RV rv = real->C_GetSlotList(present, all, &n);
  if (rv != CKR_OK) return rv;
  CK_ULONG kept = 0;
  for (CK_ULONG i = 0; i < n; i++)
    if (!gone(all[i])) all[kept++] = all[i];
  if (!list) {
    *count = kept;
    return CKR_OK;
  }
  if (*count < kept) {
    *count = kept;
    return CKR_BUFFER_TOO_SMALL;
  }
  memcpy(list, all, kept * sizeof(CK_SLOT_ID));
  *count = kept;
  return CKR_OK;
}

static CK_RV F_GetSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO_PTR info) {
  CK_RV rv = real->C_GetSlotInfo(slot, info);
  if (rv == CKR_OK && gone(slot)) info->flags &= ~(CK_FLAGS)CKF_TOKEN_PRESENT;
  return rv;
}

static CK_RV F_GetTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info) {
  if (gone(slot)) return CKR_TOKEN_NOT_PRESENT;
  CK_RV rv = real->C_GetTokenInfo(slot, info);
  if (rv != CKR_OK || !pinFaults || !targeted(slot)) return rv;
  /* As a real key reports its counter: COUNT_LOW after a wrong PIN, FINAL_TRY with one left, LOCKED at none. */
  info->flags &= ~(CK_FLAGS)(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED);
  if (triesLeft == 0) info->flags |= CKF_USER_PIN_LOCKED;
  else if (triesLeft == 1) info->flags |= CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_COUNT_LOW;
  else if (triesLeft < MAX_TRIES) info->flags |= CKF_USER_PIN_COUNT_LOW;
  return rv;
}

static CK_RV F_GetMechanismList(CK_SLOT_ID slot, CK_MECHANISM_TYPE_PTR list, CK_ULONG_PTR count) {
  if (gone(slot)) return CKR_TOKEN_NOT_PRESENT;
  return real->C_GetMechanismList(slot, list, count);
}

static CK_RV F_OpenSession(CK_SLOT_ID slot, CK_FLAGS flags, CK_VOID_PTR app, CK_NOTIFY notify, CK_SESSION_HANDLE_PTR session) {
  if (gone(slot)) return CKR_TOKEN_NOT_PRESENT;
  return real->C_OpenSession(slot, flags, app, notify, session);
}

static CK_RV F_Login(CK_SESSION_HANDLE session, CK_USER_TYPE user, CK_UTF8CHAR_PTR pin, CK_ULONG len) {
  CK_SLOT_ID slot;
  if (!pinFaults || user != CKU_USER || !session_slot(session, &slot) || !targeted(slot)) return real->C_Login(session, user, pin, len);
  /* A locked key refuses even the right PIN; a wrong one costs a try, the last try locks, a right one resets. */
  if (triesLeft == 0) return CKR_PIN_LOCKED;
  CK_RV rv = real->C_Login(session, user, pin, len);
  if (rv == CKR_PIN_INCORRECT && --triesLeft == 0) {
    note("pin-locked");
    return CKR_PIN_LOCKED;
  }
  if (rv == CKR_OK) triesLeft = MAX_TRIES;
  return rv;
}

/* The sign faults fire where a vendor driver talks to the key: C_Sign and C_SignFinal. */
static CK_RV sign_fault(CK_SESSION_HANDLE session) {
  CK_SLOT_ID slot;
  if (!session_slot(session, &slot)) return CKR_OK;
  if (gone(slot)) return CKR_DEVICE_REMOVED;
  if (!targeted(slot)) return CKR_OK;
  if (!crashOnSign && hangOnSign <= 0 && !removeOnSign) return CKR_OK;
  /* Once per test, across the processes the client restarts: the first to create the file gets the fault. */
  if (once) {
    int fd = open(once, O_CREAT | O_EXCL | O_WRONLY, 0600);
    if (fd < 0) return CKR_OK;
    close(fd);
  }
  if (crashOnSign) {
    note("crash-on-sign: abort()");
    abort();
  }
  if (hangOnSign > 0) {
    note("hang-on-sign");
    pause_for(hangOnSign);
  }
  if (removeOnSign) {
    note("remove-on-sign");
    removedSlot = slot;
    return CKR_DEVICE_REMOVED;
  }
  return CKR_OK;
}

static CK_RV F_Sign(CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG len, CK_BYTE_PTR sig, CK_ULONG_PTR sigLen) {
  CK_RV rv = sig ? sign_fault(session) : CKR_OK; /* the length query (sig NULL) does not touch the key */
  return rv != CKR_OK ? rv : real->C_Sign(session, data, len, sig, sigLen);
}

static CK_RV F_SignFinal(CK_SESSION_HANDLE session, CK_BYTE_PTR sig, CK_ULONG_PTR sigLen) {
  CK_RV rv = sig ? sign_fault(session) : CKR_OK;
  return rv != CKR_OK ? rv : real->C_SignFinal(session, sig, sigLen);
}

EXPORT CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR out) {
  if (!out) return CKR_ARGUMENTS_BAD;
  if (!real) {
    const char *path = getenv("P11_FAULTS_MODULE");
    if (!path || !*path) {
      fprintf(stderr, "p11-faults: P11_FAULTS_MODULE is not set\n");
      return CKR_GENERAL_ERROR;
    }
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      fprintf(stderr, "p11-faults: cannot load %s: %s\n", path, dlerror());
      return CKR_GENERAL_ERROR;
    }
    CK_C_GetFunctionList get = (CK_C_GetFunctionList)dlsym(lib, "C_GetFunctionList");
    if (!get || get(&real) != CKR_OK || !real) {
      fprintf(stderr, "p11-faults: %s has no usable C_GetFunctionList\n", path);
      real = NULL;
      return CKR_GENERAL_ERROR;
    }
    parse_faults();
    table = *real;
    table.C_Initialize = F_Initialize;
    table.C_GetSlotList = F_GetSlotList;
    table.C_GetSlotInfo = F_GetSlotInfo;
    table.C_GetTokenInfo = F_GetTokenInfo;
    table.C_GetMechanismList = F_GetMechanismList;
    table.C_OpenSession = F_OpenSession;
    table.C_Login = F_Login;
    table.C_Sign = F_Sign;
    table.C_SignFinal = F_SignFinal;
  }
  *out = &table;
  return CKR_OK;
}
