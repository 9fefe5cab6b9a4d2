/** Set by the build (vite.config.ts `define`): byte ranges of the bundled dataset's parts. Absent where no build ran (unit tests). */
declare const __DATASET_PARTS__: import('../hcpcs/dataset-parts').DatasetParts | undefined;
