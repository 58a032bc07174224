import { DirectoryUnavailableError } from '#domain/ports/directory.ts';

/**
 * What a person reads when their directory cannot be read (graph mode): a tenant whose admin has not consented to the
 * app gets the admin-consent link; throttling or an outage gets "nothing was changed, try again". Undefined for any
 * other error, which keeps the generic answer.
 */
export function directoryUnavailableText(error: unknown): string | undefined {
  if (!(error instanceof DirectoryUnavailableError)) return undefined;
  switch (error.reason) {
    case 'consentMissing':
      return (
        "I cannot read your organization's directory yet, so I cannot tell which roles you hold: an administrator of your " +
        'organization has to allow Partner Access first (admin consent), or allowed it and later withdrew it. Ask a Global ' +
        `Administrator to open this link and accept: ${error.consentUrl ?? '(link unavailable)'}. Then write to me again.`
      );
    case 'throttled':
      return (
        'Microsoft is limiting requests right now, so I could not look up who you are and which roles you hold. Nothing was changed: ' +
        'please try again in a minute.'
      );
    case 'unavailable':
      return (
        'I could not reach Microsoft Entra ID to look up who you are and which roles you hold. Nothing was changed: please try again ' +
        'in a minute.'
      );
  }
}
