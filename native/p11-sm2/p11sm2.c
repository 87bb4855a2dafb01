/*
 * libp11sm2.so: a software PKCS#11 token holding one SM2 key and its certificate, for tests only. SoftHSM has no
 * SM2, and the USB keys Jiangsu CA and Suzhou CA hand out do; this module lets the token service, the CLI and the
 * server tests sign with SM2 through the same PKCS#11 calls a vendor module answers. See README.md.
 *
 * Configuration: P11_SM2_CONFIG names a file of `key=value` lines (label, serial, pin, id, cert, key; see README).
 * Mechanisms are the vendor-defined values of the Sansec swpkcs11.h family (CKM_VENDOR_DEFINED + 0x8000 + …),
 * which the profiles in native/profiles list for SM2 keys.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#define CK_PTR *
#define CK_DECLARE_FUNCTION(returnType, name) returnType name
#define CK_DECLARE_FUNCTION_POINTER(returnType, name) returnType(*name)
#define CK_CALLBACK_FUNCTION(returnType, name) returnType(*name)
#ifndef NULL_PTR
#define NULL_PTR 0
#endif
#include "pkcs11.h"

/* SM2 with SM3 inside the token, Z computed with the default user id (GM/T 0009 §5.2 / GM/T 0010). */
#define CKM_SM3_SM2_APPID1 (CKM_VENDOR_DEFINED + 0x8102UL)
/* The same, the signature DER-encoded: SM2Signature ::= SEQUENCE { r INTEGER, s INTEGER } (GM/T 0009). */
#define CKM_SM3_SM2_APPID1_DER (CKM_VENDOR_DEFINED + 0x8103UL)
/* SM2 over a digest the caller computed: e = SM3(Z || M), 32 bytes; r || s. */
#define CKM_SM2_SIGN_NO_DER (CKM_VENDOR_DEFINED + 0x8105UL)
#define CKK_SM2_VENDOR (CKK_VENDOR_DEFINED + 4UL)

static const unsigned char DEFAULT_ID[] = "1234567812345678";
#define DEFAULT_ID_LEN 16
#define SLOT_ID 1
#define MAX_SESSIONS 16
#define H_CERT 1
#define H_KEY 2

struct config {
  char label[33], serial[17], pin[65];
  unsigned char id[64];
  size_t id_len;
  unsigned char *cert_der;
  size_t cert_der_len;
  unsigned char *subject_der;
  size_t subject_der_len;
  EVP_PKEY *key;
};

struct session {
  int open;
  CK_OBJECT_HANDLE found[2];
  CK_ULONG found_count, found_pos;
  int finding;
  CK_MECHANISM_TYPE sign_mechanism; /* 0: no signature operation active */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int initialized;
static int logged_in;
static struct config cfg;
static struct session sessions[MAX_SESSIONS];

static void pad(CK_UTF8CHAR *dst, size_t n, const char *src) {
  memset(dst, ' ', n);
  memcpy(dst, src, strlen(src) < n ? strlen(src) : n);
}

static int hex_decode(const char *hex, unsigned char *out, size_t max, size_t *len) {
  size_t n = strlen(hex);
  if (n % 2 || n / 2 > max) return 0;
  for (size_t i = 0; i < n / 2; i++) {
    unsigned int byte;
    if (sscanf(hex + 2 * i, "%2x", &byte) != 1) return 0;
    out[i] = (unsigned char)byte;
  }
  *len = n / 2;
  return 1;
}

static void free_config(void) {
  OPENSSL_free(cfg.cert_der);
  OPENSSL_free(cfg.subject_der);
  EVP_PKEY_free(cfg.key);
  memset(&cfg, 0, sizeof cfg);
}

/* Reads P11_SM2_CONFIG. Anything missing or unreadable makes C_Initialize fail, loudly on stderr. */
static CK_RV load_config(void) {
  const char *path = getenv("P11_SM2_CONFIG");
  if (!path) {
    fprintf(stderr, "p11sm2: P11_SM2_CONFIG is not set\n");
    return CKR_GENERAL_ERROR;
  }
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "p11sm2: cannot read %s\n", path);
    return CKR_GENERAL_ERROR;
  }
  char line[4096], cert_path[4000] = "", key_path[4000] = "";
  int ok = 1;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = 0;
    char *eq = strchr(line, '=');
    if (!eq || line[0] == '#') continue;
    *eq = 0;
    const char *k = line, *v = eq + 1;
    if (!strcmp(k, "label")) snprintf(cfg.label, sizeof cfg.label, "%s", v);
    else if (!strcmp(k, "serial")) snprintf(cfg.serial, sizeof cfg.serial, "%s", v);
    else if (!strcmp(k, "pin")) snprintf(cfg.pin, sizeof cfg.pin, "%s", v);
    else if (!strcmp(k, "id")) ok &= hex_decode(v, cfg.id, sizeof cfg.id, &cfg.id_len);
    else if (!strcmp(k, "cert")) snprintf(cert_path, sizeof cert_path, "%s", v);
    else if (!strcmp(k, "key")) snprintf(key_path, sizeof key_path, "%s", v);
  }
  fclose(f);

  X509 *cert = NULL;
  FILE *cf = cert_path[0] ? fopen(cert_path, "r") : NULL;
  if (cf) cert = PEM_read_X509(cf, NULL, NULL, NULL);
  if (cf) fclose(cf);
  FILE *kf = key_path[0] ? fopen(key_path, "r") : NULL;
  if (kf) cfg.key = PEM_read_PrivateKey(kf, NULL, NULL, NULL);
  if (kf) fclose(kf);
  if (cert) {
    int n = i2d_X509(cert, &cfg.cert_der);
    cfg.cert_der_len = n > 0 ? (size_t)n : 0;
    n = i2d_X509_NAME(X509_get_subject_name(cert), &cfg.subject_der);
    cfg.subject_der_len = n > 0 ? (size_t)n : 0;
    X509_free(cert);
  }
  /* OpenSSL 3.0 loads a key on the SM2 curve as an "SM2" key, which is what its SM2 signer needs. */
  if (!ok || !cfg.label[0] || !cfg.pin[0] || !cfg.cert_der_len || !cfg.key || !EVP_PKEY_is_a(cfg.key, "SM2")) {
    fprintf(stderr, "p11sm2: %s needs label, pin, id (hex), cert (PEM) and key (SM2 PEM)\n", path);
    free_config();
    return CKR_GENERAL_ERROR;
  }
  return CKR_OK;
}

/* ---- objects ---------------------------------------------------------------------------------------------- */

static CK_OBJECT_CLASS class_cert = CKO_CERTIFICATE, class_key = CKO_PRIVATE_KEY;
static CK_CERTIFICATE_TYPE cert_type = CKC_X_509;
static CK_KEY_TYPE key_type = CKK_SM2_VENDOR;
static CK_BBOOL yes = CK_TRUE, no = CK_FALSE;

/* The value of one attribute of an object; 0 when the object has no such attribute. */
static int attribute(CK_OBJECT_HANDLE h, CK_ATTRIBUTE_TYPE type, const void **value, CK_ULONG *len) {
#define RETURN(ptr, size) do { *value = (ptr); *len = (CK_ULONG)(size); return 1; } while (0)
  switch (type) {
    case CKA_CLASS: RETURN(h == H_CERT ? &class_cert : &class_key, sizeof(CK_OBJECT_CLASS));
    case CKA_TOKEN: RETURN(&yes, sizeof yes);
    case CKA_PRIVATE: RETURN(h == H_CERT ? &no : &yes, sizeof yes);
    case CKA_ID: RETURN(cfg.id, cfg.id_len);
    case CKA_LABEL: RETURN(cfg.label, strlen(cfg.label));
    case CKA_SUBJECT: RETURN(cfg.subject_der, cfg.subject_der_len);
  }
  if (h == H_CERT) {
    if (type == CKA_CERTIFICATE_TYPE) RETURN(&cert_type, sizeof cert_type);
    if (type == CKA_VALUE) RETURN(cfg.cert_der, cfg.cert_der_len);
  } else {
    if (type == CKA_KEY_TYPE) RETURN(&key_type, sizeof key_type);
    if (type == CKA_SIGN) RETURN(&yes, sizeof yes);
    if (type == CKA_SENSITIVE || type == CKA_ALWAYS_SENSITIVE) RETURN(&yes, sizeof yes);
    if (type == CKA_EXTRACTABLE) RETURN(&no, sizeof no);
  }
  return 0;
#undef RETURN
}

static int visible(CK_OBJECT_HANDLE h) { return h == H_CERT || (h == H_KEY && logged_in); }

static int matches(CK_OBJECT_HANDLE h, CK_ATTRIBUTE_PTR tpl, CK_ULONG count) {
  for (CK_ULONG i = 0; i < count; i++) {
    const void *v;
    CK_ULONG len;
    if (!attribute(h, tpl[i].type, &v, &len) || len != tpl[i].ulValueLen || memcmp(v, tpl[i].pValue, len)) return 0;
  }
  return 1;
}

/* ---- SM2 ------------------------------------------------------------------------------------------------- */

/* OpenSSL returns DER SM2 signatures; PKCS#11 tokens return r || s, 32 bytes each. */
static CK_RV der_to_raw(const unsigned char *der, size_t der_len, unsigned char out[64]) {
  ECDSA_SIG *sig = d2i_ECDSA_SIG(NULL, &der, (long)der_len);
  if (!sig) return CKR_FUNCTION_FAILED;
  const BIGNUM *r, *s;
  ECDSA_SIG_get0(sig, &r, &s);
  int ok = BN_bn2binpad(r, out, 32) == 32 && BN_bn2binpad(s, out + 32, 32) == 32;
  ECDSA_SIG_free(sig);
  return ok ? CKR_OK : CKR_FUNCTION_FAILED;
}

#define MAX_DER_SIGNATURE 72

static int known_mechanism(CK_MECHANISM_TYPE m) {
  return m == CKM_SM3_SM2_APPID1 || m == CKM_SM3_SM2_APPID1_DER || m == CKM_SM2_SIGN_NO_DER;
}

static CK_ULONG signature_length(CK_MECHANISM_TYPE m) { return m == CKM_SM3_SM2_APPID1_DER ? MAX_DER_SIGNATURE : 64; }

/* Signs into `out` (room for signature_length(mechanism) bytes) and sets *out_len. */
static CK_RV sm2_sign(CK_MECHANISM_TYPE mechanism, const unsigned char *data, size_t len, unsigned char *out,
                      CK_ULONG *out_len) {
  unsigned char der[128];
  size_t der_len = sizeof der;
  int ok = 0;
  if (mechanism == CKM_SM2_SIGN_NO_DER) {
    if (len != 32) return CKR_DATA_LEN_RANGE;
    EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new(cfg.key, NULL);
    ok = pctx && EVP_PKEY_sign_init(pctx) > 0 && EVP_PKEY_sign(pctx, der, &der_len, data, len) > 0;
    EVP_PKEY_CTX_free(pctx);
  } else {
    EVP_MD_CTX *mctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new(cfg.key, NULL);
    /* The id goes on the context before DigestSignInit, which computes Z from it (OpenSSL 3.0 SM2 docs). */
    ok = mctx && pctx && EVP_PKEY_CTX_set1_id(pctx, DEFAULT_ID, DEFAULT_ID_LEN) > 0;
    if (ok) EVP_MD_CTX_set_pkey_ctx(mctx, pctx);
    ok = ok && EVP_DigestSignInit(mctx, NULL, EVP_sm3(), NULL, cfg.key) > 0 &&
         EVP_DigestSign(mctx, der, &der_len, data, len) > 0;
    EVP_MD_CTX_free(mctx);
    EVP_PKEY_CTX_free(pctx);
  }
  if (!ok) return CKR_FUNCTION_FAILED;
  if (mechanism == CKM_SM3_SM2_APPID1_DER) {
    if (der_len > MAX_DER_SIGNATURE) return CKR_FUNCTION_FAILED;
    memcpy(out, der, der_len);
    *out_len = (CK_ULONG)der_len;
    return CKR_OK;
  }
  *out_len = 64;
  return der_to_raw(der, der_len, out);
}

/* ---- PKCS#11 entry points -------------------------------------------------------------------------------- */

#define GUARD() do { if (!initialized) { pthread_mutex_unlock(&lock); return CKR_CRYPTOKI_NOT_INITIALIZED; } } while (0)
#define SESSION(h, s)                                                                  \
  struct session *s = (h) >= 1 && (h) <= MAX_SESSIONS ? &sessions[(h) - 1] : NULL;     \
  if (!s || !s->open) { pthread_mutex_unlock(&lock); return CKR_SESSION_HANDLE_INVALID; }

static CK_RV not_supported(void) { return CKR_FUNCTION_NOT_SUPPORTED; }

CK_RV C_Initialize(CK_VOID_PTR args) {
  (void)args;
  pthread_mutex_lock(&lock);
  CK_RV rv = CKR_CRYPTOKI_ALREADY_INITIALIZED;
  if (!initialized) {
    rv = load_config();
    initialized = rv == CKR_OK;
    logged_in = 0;
    memset(sessions, 0, sizeof sessions);
  }
  pthread_mutex_unlock(&lock);
  return rv;
}

CK_RV C_Finalize(CK_VOID_PTR reserved) {
  (void)reserved;
  pthread_mutex_lock(&lock);
  GUARD();
  free_config();
  initialized = 0;
  pthread_mutex_unlock(&lock);
  return CKR_OK;
}

CK_RV C_GetInfo(CK_INFO_PTR info) {
  if (!info) return CKR_ARGUMENTS_BAD;
  memset(info, 0, sizeof *info);
  info->cryptokiVersion.major = 2;
  info->cryptokiVersion.minor = 40;
  pad(info->manufacturerID, sizeof info->manufacturerID, "Tongban tests");
  pad(info->libraryDescription, sizeof info->libraryDescription, "p11sm2 software SM2 token");
  info->libraryVersion.major = 1;
  return CKR_OK;
}

CK_RV C_GetSlotList(CK_BBOOL present, CK_SLOT_ID_PTR list, CK_ULONG_PTR count) {
  (void)present;
  pthread_mutex_lock(&lock);
  GUARD();
  CK_RV rv = CKR_OK;
  if (!count) rv = CKR_ARGUMENTS_BAD;
  else if (list && *count < 1) rv = CKR_BUFFER_TOO_SMALL;
  else if (list) list[0] = SLOT_ID;
  if (count) *count = 1;
  pthread_mutex_unlock(&lock);
  return rv;
}

CK_RV C_GetSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO_PTR info) {
  if (slot != SLOT_ID) return CKR_SLOT_ID_INVALID;
  if (!info) return CKR_ARGUMENTS_BAD;
  memset(info, 0, sizeof *info);
  pad(info->slotDescription, sizeof info->slotDescription, "p11sm2 slot");
  pad(info->manufacturerID, sizeof info->manufacturerID, "Tongban tests");
  info->flags = CKF_TOKEN_PRESENT | CKF_REMOVABLE_DEVICE | CKF_HW_SLOT;
  return CKR_OK;
}

CK_RV C_GetTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info) {
  if (slot != SLOT_ID) return CKR_SLOT_ID_INVALID;
  if (!info) return CKR_ARGUMENTS_BAD;
  pthread_mutex_lock(&lock);
  GUARD();
  memset(info, 0, sizeof *info);
  pad(info->label, sizeof info->label, cfg.label);
  pad(info->manufacturerID, sizeof info->manufacturerID, "Tongban tests");
  pad(info->model, sizeof info->model, "p11sm2");
  pad(info->serialNumber, sizeof info->serialNumber, cfg.serial);
  info->flags = CKF_TOKEN_INITIALIZED | CKF_USER_PIN_INITIALIZED | CKF_LOGIN_REQUIRED | CKF_WRITE_PROTECTED;
  info->ulMaxSessionCount = info->ulMaxRwSessionCount = MAX_SESSIONS;
  info->ulMinPinLen = 4;
  info->ulMaxPinLen = 16;
  info->ulTotalPublicMemory = info->ulFreePublicMemory = CK_UNAVAILABLE_INFORMATION;
  info->ulTotalPrivateMemory = info->ulFreePrivateMemory = CK_UNAVAILABLE_INFORMATION;
  pthread_mutex_unlock(&lock);
  return CKR_OK;
}

static const CK_MECHANISM_TYPE MECHANISMS[] = {CKM_SM3_SM2_APPID1, CKM_SM3_SM2_APPID1_DER, CKM_SM2_SIGN_NO_DER};

CK_RV C_GetMechanismList(CK_SLOT_ID slot, CK_MECHANISM_TYPE_PTR list, CK_ULONG_PTR count) {
  if (slot != SLOT_ID) return CKR_SLOT_ID_INVALID;
  if (!count) return CKR_ARGUMENTS_BAD;
  CK_ULONG n = sizeof MECHANISMS / sizeof MECHANISMS[0];
  CK_RV rv = CKR_OK;
  if (list && *count < n) rv = CKR_BUFFER_TOO_SMALL;
  else if (list) memcpy(list, MECHANISMS, sizeof MECHANISMS);
  *count = n;
  return rv;
}

CK_RV C_GetMechanismInfo(CK_SLOT_ID slot, CK_MECHANISM_TYPE type, CK_MECHANISM_INFO_PTR info) {
  if (slot != SLOT_ID) return CKR_SLOT_ID_INVALID;
  if (!known_mechanism(type)) return CKR_MECHANISM_INVALID;
  info->ulMinKeySize = info->ulMaxKeySize = 256;
  info->flags = CKF_HW | CKF_SIGN;
  return CKR_OK;
}

CK_RV C_OpenSession(CK_SLOT_ID slot, CK_FLAGS flags, CK_VOID_PTR app, CK_NOTIFY notify, CK_SESSION_HANDLE_PTR out) {
  (void)app;
  (void)notify;
  if (slot != SLOT_ID) return CKR_SLOT_ID_INVALID;
  if (!(flags & CKF_SERIAL_SESSION)) return CKR_SESSION_PARALLEL_NOT_SUPPORTED;
  pthread_mutex_lock(&lock);
  GUARD();
  CK_RV rv = CKR_SESSION_COUNT;
  for (int i = 0; i < MAX_SESSIONS; i++) {
    if (!sessions[i].open) {
      memset(&sessions[i], 0, sizeof sessions[i]);
      sessions[i].open = 1;
      *out = (CK_SESSION_HANDLE)(i + 1);
      rv = CKR_OK;
      break;
    }
  }
  pthread_mutex_unlock(&lock);
  return rv;
}

CK_RV C_CloseSession(CK_SESSION_HANDLE h) {
  pthread_mutex_lock(&lock);
  GUARD();
  SESSION(h, s);
  s->open = 0;
  int any = 0;
  for (int i = 0; i < MAX_SESSIONS; i++) any |= sessions[i].open;
  if (!any) logged_in = 0; /* PKCS#11 §5.6: closing the last session logs the user out */
  pthread_mutex_unlock(&lock);
  return CKR_OK;
}

CK_RV C_CloseAllSessions(CK_SLOT_ID slot) {
  if (slot != SLOT_ID) return CKR_SLOT_ID_INVALID;
  pthread_mutex_lock(&lock);
  GUARD();
  memset(sessions, 0, sizeof sessions);
  logged_in = 0;
  pthread_mutex_unlock(&lock);
  return CKR_OK;
}

CK_RV C_Login(CK_SESSION_HANDLE h, CK_USER_TYPE user, CK_UTF8CHAR_PTR pin, CK_ULONG len) {
  pthread_mutex_lock(&lock);
  GUARD();
  SESSION(h, s);
  (void)s;
  CK_RV rv = CKR_OK;
  if (user != CKU_USER) rv = CKR_USER_TYPE_INVALID;
  else if (logged_in) rv = CKR_USER_ALREADY_LOGGED_IN;
  else if (!pin) rv = CKR_ARGUMENTS_BAD; /* no PIN pad */
  else if (len != strlen(cfg.pin) || memcmp(pin, cfg.pin, len)) rv = CKR_PIN_INCORRECT;
  else logged_in = 1;
  pthread_mutex_unlock(&lock);
  return rv;
}

CK_RV C_Logout(CK_SESSION_HANDLE h) {
  pthread_mutex_lock(&lock);
  GUARD();
  SESSION(h, s);
  (void)s;
  CK_RV rv = logged_in ? CKR_OK : CKR_USER_NOT_LOGGED_IN;
  logged_in = 0;
  pthread_mutex_unlock(&lock);
  return rv;
}

CK_RV C_FindObjectsInit(CK_SESSION_HANDLE h, CK_ATTRIBUTE_PTR tpl, CK_ULONG count) {
  pthread_mutex_lock(&lock);
  GUARD();
  SESSION(h, s);
  CK_RV rv = CKR_OK;
  if (s->finding) rv = CKR_OPERATION_ACTIVE;
  else if (count && !tpl) rv = CKR_ARGUMENTS_BAD;
  else {
    s->finding = 1;
    s->found_count = s->found_pos = 0;
    for (CK_OBJECT_HANDLE o = H_CERT; o <= H_KEY; o++) {
      if (visible(o) && matches(o, tpl, count)) s->found[s->found_count++] = o;
    }
  }
  pthread_mutex_unlock(&lock);
  return rv;
}

CK_RV C_FindObjects(CK_SESSION_HANDLE h, CK_OBJECT_HANDLE_PTR out, CK_ULONG max, CK_ULONG_PTR count) {
  pthread_mutex_lock(&lock);
  GUARD();
  SESSION(h, s);
  CK_RV rv = CKR_OK;
  if (!s->finding) rv = CKR_OPERATION_NOT_INITIALIZED;
  else {
    *count = 0;
    while (*count < max && s->found_pos < s->found_count) out[(*count)++] = s->found[s->found_pos++];
  }
  pthread_mutex_unlock(&lock);
  return rv;
}

CK_RV C_FindObjectsFinal(CK_SESSION_HANDLE h) {
  pthread_mutex_lock(&lock);
  GUARD();
  SESSION(h, s);
  CK_RV rv = s->finding ? CKR_OK : CKR_OPERATION_NOT_INITIALIZED;
  s->finding = 0;
  pthread_mutex_unlock(&lock);
  return rv;
}

CK_RV C_GetAttributeValue(CK_SESSION_HANDLE h, CK_OBJECT_HANDLE o, CK_ATTRIBUTE_PTR tpl, CK_ULONG count) {
  pthread_mutex_lock(&lock);
  GUARD();
  SESSION(h, s);
  (void)s;
  if (!visible(o)) {
    pthread_mutex_unlock(&lock);
    return CKR_OBJECT_HANDLE_INVALID;
  }
  CK_RV rv = CKR_OK;
  for (CK_ULONG i = 0; i < count; i++) {
    const void *v;
    CK_ULONG len;
    if (!attribute(o, tpl[i].type, &v, &len)) {
      tpl[i].ulValueLen = CK_UNAVAILABLE_INFORMATION;
      rv = CKR_ATTRIBUTE_TYPE_INVALID;
    } else if (!tpl[i].pValue) {
      tpl[i].ulValueLen = len;
    } else if (tpl[i].ulValueLen < len) {
      tpl[i].ulValueLen = CK_UNAVAILABLE_INFORMATION;
      rv = CKR_BUFFER_TOO_SMALL;
    } else {
      memcpy(tpl[i].pValue, v, len);
      tpl[i].ulValueLen = len;
    }
  }
  pthread_mutex_unlock(&lock);
  return rv;
}

CK_RV C_SignInit(CK_SESSION_HANDLE h, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE key) {
  pthread_mutex_lock(&lock);
  GUARD();
  SESSION(h, s);
  CK_RV rv = CKR_OK;
  if (s->sign_mechanism) rv = CKR_OPERATION_ACTIVE;
  else if (!logged_in) rv = CKR_USER_NOT_LOGGED_IN;
  else if (key != H_KEY) rv = CKR_KEY_HANDLE_INVALID;
  else if (!mechanism || !known_mechanism(mechanism->mechanism)) rv = CKR_MECHANISM_INVALID;
  else s->sign_mechanism = mechanism->mechanism;
  pthread_mutex_unlock(&lock);
  return rv;
}

CK_RV C_Sign(CK_SESSION_HANDLE h, CK_BYTE_PTR data, CK_ULONG len, CK_BYTE_PTR sig, CK_ULONG_PTR sig_len) {
  pthread_mutex_lock(&lock);
  GUARD();
  SESSION(h, s);
  CK_RV rv;
  if (!s->sign_mechanism) rv = CKR_OPERATION_NOT_INITIALIZED;
  else if (!sig_len) rv = CKR_ARGUMENTS_BAD;
  else if (!sig) {
    *sig_len = signature_length(s->sign_mechanism); /* a length query keeps the operation active (§5.2) */
    rv = CKR_OK;
  } else if (*sig_len < signature_length(s->sign_mechanism)) {
    *sig_len = signature_length(s->sign_mechanism);
    rv = CKR_BUFFER_TOO_SMALL;
  } else {
    rv = sm2_sign(s->sign_mechanism, data, len, sig, sig_len);
    s->sign_mechanism = 0;
  }
  pthread_mutex_unlock(&lock);
  return rv;
}

/* Every entry point this token does not offer answers CKR_FUNCTION_NOT_SUPPORTED. The stub is called through
 * pointers of other prototypes; its CK_RV return is all a caller reads (System V and Windows x64 ABIs). */
#define CK_PKCS11_FUNCTION_INFO(name) .name = (CK_##name)(void (*)(void))not_supported,
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#pragma GCC diagnostic ignored "-Wcast-function-type"
static CK_FUNCTION_LIST functions = {
    .version = {2, 40},
#include "pkcs11f.h"
    .C_Initialize = C_Initialize,
    .C_Finalize = C_Finalize,
    .C_GetInfo = C_GetInfo,
    .C_GetFunctionList = C_GetFunctionList,
    .C_GetSlotList = C_GetSlotList,
    .C_GetSlotInfo = C_GetSlotInfo,
    .C_GetTokenInfo = C_GetTokenInfo,
    .C_GetMechanismList = C_GetMechanismList,
    .C_GetMechanismInfo = C_GetMechanismInfo,
    .C_OpenSession = C_OpenSession,
    .C_CloseSession = C_CloseSession,
    .C_CloseAllSessions = C_CloseAllSessions,
    .C_Login = C_Login,
    .C_Logout = C_Logout,
    .C_FindObjectsInit = C_FindObjectsInit,
    .C_FindObjects = C_FindObjects,
    .C_FindObjectsFinal = C_FindObjectsFinal,
    .C_GetAttributeValue = C_GetAttributeValue,
    .C_SignInit = C_SignInit,
    .C_Sign = C_Sign,
};
#pragma GCC diagnostic pop
#undef CK_PKCS11_FUNCTION_INFO

CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR out) {
  if (!out) return CKR_ARGUMENTS_BAD;
  *out = &functions;
  return CKR_OK;
}
