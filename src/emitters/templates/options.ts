/**
 * How every emr2k8s template is compiled (DESIGN §4): strict, so a missing field is an error
 * rather than an empty string, and without HTML escaping, since helpers quote every value.
 */
export const TEMPLATE_OPTIONS = { strict: true, noEscape: true } as const;
