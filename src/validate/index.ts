export { validateSparkApplication, schemaCompileMs, type ValidationResult } from './validate-spark-application.js';
export { validateManifestText } from './validate-manifest-text.js';
