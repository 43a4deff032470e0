#include "CredentialProvider.h"
