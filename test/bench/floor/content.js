void 0; // An empty content script, injected as HCPCS Lens's bootstrap is (all frames, document_start).
