/** Wording specific to customer cards. */

/** The Microsoft Customer Agreement, as published by Microsoft. */
export const CUSTOMER_AGREEMENT_URL = 'https://www.microsoft.com/licensing/docs/customeragreement';
