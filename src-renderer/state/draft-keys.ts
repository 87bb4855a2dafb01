/** Keys of the drafts in the local store (`drafts.*`). Its own module so the login page can ask without loading the wizard. */
export const REGISTRATION_DRAFT_KEY = 'registration';
export const PRE_REGISTRATION_DRAFT_KEY = 'preRegistration';
