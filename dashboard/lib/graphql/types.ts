// Values the API sends as a plain String that the dashboard names one by one. Every API result type is
// generated (./generated, from the documents in ./documents); only these narrowings are kept by hand.

/** ArtifactSchedulerStats.state */
export type ArtifactState = 'unloaded' | 'loading' | 'ready' | 'unloading';

/** LabelChange.change */
export type LabelChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';
