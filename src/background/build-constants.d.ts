/** Set by the build (vite.config.ts `define`): byte ranges of the bundled dataset's parts. Absent where no build ran (unit tests). */
declare const __DATASET_PARTS__: import('../hcpcs/dataset-parts').DatasetParts | undefined;
/** Set by the build: the bundled dataset's release (an update that bundles a newer one replaces a loaded older one). */
declare const __BUNDLED_RELEASE__: import('../hcpcs/release').ReleaseInfo | undefined;
