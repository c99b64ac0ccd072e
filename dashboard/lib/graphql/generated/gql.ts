/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DeviceBundles($model: String) {\n    deviceBundles(model: $model) {\n      model\n      version\n      profile\n      precision\n      inputSize\n      url\n      bytes\n      sha256\n      modelBytes\n      modelSha256\n      labelSet\n      labelSetVersion\n      measured {\n        imagesPerSecond\n        latencyP50Ms\n        mAP\n        mAP50\n        provider\n        measuredAt\n      }\n    }\n  }\n": typeof types.DeviceBundlesDocument,
    "\n  fragment Box on Box {\n    x\n    y\n    width\n    height\n  }\n": typeof types.BoxFragmentDoc,
    "\n  fragment DetectedObject on DetectedObject {\n    score\n    label {\n      key\n      zh\n      color\n      category\n    }\n    box {\n      ...Box\n    }\n  }\n": typeof types.DetectedObjectFragmentDoc,
    "\n  fragment Detection on Detection {\n    id\n    createdAt\n    labelSet\n    labelSetVersion\n    executionProvider\n    image {\n      sha256\n      width\n      height\n    }\n    objects {\n      ...DetectedObject\n    }\n    model {\n      name\n      version\n      precision\n      inputSize\n    }\n    timing {\n      queueMs\n      inferenceMs\n      totalMs\n      batchSize\n    }\n  }\n": typeof types.DetectionFragmentDoc,
    "\n  mutation Detect($input: DetectInput!) {\n    detect(input: $input) {\n      ...Detection\n    }\n  }\n": typeof types.DetectDocument,
    "\n  query Detection($id: ID!) {\n    detection(id: $id) {\n      ...Detection\n    }\n  }\n": typeof types.DetectionDocument,
    "\n  query Detections($filter: DetectionFilter, $first: Int, $after: String) {\n    detections(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...Detection\n        }\n      }\n    }\n  }\n": typeof types.DetectionsDocument,
    "\n  fragment ApiKey on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiKeyFragmentDoc,
    "\n  fragment KeyLimits on KeyLimits {\n    requestsPerSecond\n    burst\n    imagesPerDay\n  }\n": typeof types.KeyLimitsFragmentDoc,
    "\n  fragment ApiKeyWithLimits on ApiKey {\n    ...ApiKey\n    limits {\n      effective {\n        ...KeyLimits\n      }\n    }\n  }\n": typeof types.ApiKeyWithLimitsFragmentDoc,
    "\n  fragment UsageDay on UsageDay {\n    keyId\n    keyName\n    day\n    detections\n    images\n    objects\n    errors\n    rateLimited\n  }\n": typeof types.UsageDayFragmentDoc,
    "\n  fragment CreatedApiKey on CreatedApiKey {\n    secret\n    apiKey {\n      ...ApiKey\n    }\n  }\n": typeof types.CreatedApiKeyFragmentDoc,
    "\n  query Me {\n    me {\n      ...ApiKey\n    }\n  }\n": typeof types.MeDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyWithLimits\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  query Usage($from: String, $to: String) {\n    usage(from: $from, to: $to) {\n      ...UsageDay\n    }\n  }\n": typeof types.UsageDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      ...CreatedApiKey\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKey\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  fragment Label on Label {\n    key\n    zh\n    aliases\n    pinyin\n    category\n    color\n    enabled\n    minScore\n    nameSource\n    classes\n    categories\n  }\n": typeof types.LabelFragmentDoc,
    "\n  fragment LabelSetSummary on LabelSetSummary {\n    key\n    name\n    latestVersion\n    hasDraft\n  }\n": typeof types.LabelSetSummaryFragmentDoc,
    "\n  fragment LabelSetVersion on LabelSetVersion {\n    labelSet\n    version\n    status\n    publishedAt\n    labels {\n      ...Label\n    }\n  }\n": typeof types.LabelSetVersionFragmentDoc,
    "\n  fragment LabelCategory on LabelCategory {\n    name\n    level\n    coarse\n  }\n": typeof types.LabelCategoryFragmentDoc,
    "\n  fragment LabelChange on LabelChange {\n    key\n    change\n    before {\n      ...Label\n    }\n    after {\n      ...Label\n    }\n  }\n": typeof types.LabelChangeFragmentDoc,
    "\n  fragment AuditEntry on AuditEntry {\n    id\n    actorKeyId\n    action\n    entity\n    before\n    after\n    at\n  }\n": typeof types.AuditEntryFragmentDoc,
    "\n  query LabelSets {\n    labelSets {\n      ...LabelSetSummary\n    }\n  }\n": typeof types.LabelSetsDocument,
    "\n  query LabelSet($key: String!, $version: Int, $draft: Boolean) {\n    labelSet(key: $key, version: $version, draft: $draft) {\n      ...LabelSetVersion\n    }\n  }\n": typeof types.LabelSetDocument,
    "\n  query LabelCategories {\n    labelCategories {\n      ...LabelCategory\n    }\n  }\n": typeof types.LabelCategoriesDocument,
    "\n  query LabelSetDiff($key: String!) {\n    labelSetDiff(key: $key) {\n      ...LabelChange\n    }\n  }\n": typeof types.LabelSetDiffDocument,
    "\n  mutation CreateLabelSet($input: CreateLabelSetInput!) {\n    createLabelSet(input: $input) {\n      ...LabelSetSummary\n    }\n  }\n": typeof types.CreateLabelSetDocument,
    "\n  mutation AddLabel($input: AddLabelInput!) {\n    addLabel(input: $input) {\n      key\n    }\n  }\n": typeof types.AddLabelDocument,
    "\n  mutation UpdateLabel($input: UpdateLabelInput!) {\n    updateLabel(input: $input) {\n      key\n    }\n  }\n": typeof types.UpdateLabelDocument,
    "\n  mutation PublishLabelSet($key: String!) {\n    publishLabelSet(key: $key) {\n      version\n    }\n  }\n": typeof types.PublishLabelSetDocument,
    "\n  query AuditLog($first: Int) {\n    auditLog(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...AuditEntry\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  fragment ModelVersion on ModelVersion {\n    id\n    name\n    version\n    family\n    labelSet\n    active\n    defaultPrecision\n    defaultInputSize\n    createdAt\n    defaultProfileBasis {\n      source\n      provider\n      reason\n    }\n    artifacts {\n      precision\n      inputSize\n      sha256\n      bytes\n    }\n  }\n": typeof types.ModelVersionFragmentDoc,
    "\n  fragment ProfileResult on ProfileResult {\n    precision\n    servingPrecision\n    servable\n    inputSize\n    batchSize\n    imagesPerSecond\n    latencyP50Ms\n    latencyP95Ms\n    memoryMB\n    fileBytes\n    mAP\n    mAP50\n    deltaMAP\n    agreement\n    flags\n    provider\n    measuredAt\n  }\n": typeof types.ProfileResultFragmentDoc,
    "\n  fragment LatencyPercentiles on LatencyPercentiles {\n    count\n    p50\n    p90\n    p99\n    max\n  }\n": typeof types.LatencyPercentilesFragmentDoc,
    "\n  fragment ArtifactStats on ArtifactSchedulerStats {\n    artifact\n    model\n    version\n    precision\n    inputSize\n    state\n    executionProvider\n    queueDepthInteractive\n    queueDepthBulk\n    inFlight\n    batchSize\n    batchSizeLimitedBy\n    sessionMB\n    perImageMB\n    completed\n    failed\n    batches\n    totalMs {\n      ...LatencyPercentiles\n    }\n  }\n": typeof types.ArtifactStatsFragmentDoc,
    "\n  fragment SchedulerStats on SchedulerStats {\n    accepting\n    memoryBudgetMB\n    sessionsMB\n    activationsMB\n    processRssMB\n    artifacts {\n      ...ArtifactStats\n    }\n  }\n": typeof types.SchedulerStatsFragmentDoc,
    "\n  query ModelVersions {\n    modelVersions {\n      ...ModelVersion\n    }\n  }\n": typeof types.ModelVersionsDocument,
    "\n  query ModelFamilies {\n    modelFamilies\n  }\n": typeof types.ModelFamiliesDocument,
    "\n  mutation ActivateModelVersion($name: String!, $version: String!) {\n    activateModelVersion(name: $name, version: $version) {\n      id\n      active\n    }\n  }\n": typeof types.ActivateModelVersionDocument,
    "\n  mutation SetDefaultProfile($model: String!, $precision: Precision!, $inputSize: Int!) {\n    setDefaultProfile(model: $model, precision: $precision, inputSize: $inputSize) {\n      id\n    }\n  }\n": typeof types.SetDefaultProfileDocument,
    "\n  query ProfileComparison($model: String!) {\n    profileComparison(model: $model) {\n      ...ProfileResult\n    }\n  }\n": typeof types.ProfileComparisonDocument,
    "\n  query SchedulerStats {\n    schedulerStats {\n      ...SchedulerStats\n    }\n  }\n": typeof types.SchedulerStatsDocument,
    "\n  fragment ProfileBenchmarkJob on ProfileBenchmarkJob {\n    id\n    model\n    version\n    status\n    phase\n    message\n    error\n    createdAt\n    startedAt\n    finishedAt\n    parameters {\n      sizes\n      precisions\n      maxImages\n      speedRounds\n    }\n    progress {\n      phase\n      message\n      at\n    }\n  }\n": typeof types.ProfileBenchmarkJobFragmentDoc,
    "\n  mutation StartProfileBenchmark($input: StartProfileBenchmarkInput!) {\n    startProfileBenchmark(input: $input) {\n      ...ProfileBenchmarkJob\n    }\n  }\n": typeof types.StartProfileBenchmarkDocument,
    "\n  mutation CancelProfileBenchmark($id: ID!) {\n    cancelProfileBenchmark(id: $id) {\n      ...ProfileBenchmarkJob\n    }\n  }\n": typeof types.CancelProfileBenchmarkDocument,
    "\n  query ProfileBenchmarkJob($id: ID!) {\n    profileBenchmarkJob(id: $id) {\n      ...ProfileBenchmarkJob\n    }\n  }\n": typeof types.ProfileBenchmarkJobDocument,
    "\n  query ProfileBenchmarkJobs($first: Int) {\n    profileBenchmarkJobs(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProfileBenchmarkJob\n        }\n      }\n    }\n  }\n": typeof types.ProfileBenchmarkJobsDocument,
    "\n  fragment ShownLabel on Label {\n    key\n    zh\n    color\n  }\n": typeof types.ShownLabelFragmentDoc,
    "\n  fragment ObjectReview on ObjectReview {\n    verdict\n    reviewer\n    at\n    correctedLabel {\n      ...ShownLabel\n    }\n  }\n": typeof types.ObjectReviewFragmentDoc,
    "\n  fragment DetectionReview on DetectionReview {\n    status\n    reasons\n    priority\n    flagReason\n    reviewedAt\n    missed {\n      label {\n        ...ShownLabel\n      }\n      box {\n        ...Box\n      }\n    }\n  }\n": typeof types.DetectionReviewFragmentDoc,
    "\n  fragment ReviewableObject on DetectedObject {\n    id\n    ...DetectedObject\n    review {\n      ...ObjectReview\n    }\n  }\n": typeof types.ReviewableObjectFragmentDoc,
    "\n  fragment ReviewableDetection on Detection {\n    ...Detection\n    objects {\n      ...ReviewableObject\n    }\n    review {\n      ...DetectionReview\n    }\n  }\n": typeof types.ReviewableDetectionFragmentDoc,
    "\n  fragment ReviewRules on ReviewRules {\n    enabled\n    lowScoreBelow\n    borderlineMargin\n    watchedClasses\n    randomShare\n    hourlyCap\n    dailyCap\n  }\n": typeof types.ReviewRulesFragmentDoc,
    "\n  fragment ConfusionCell on ConfusionCell {\n    count\n    predicted {\n      ...ShownLabel\n    }\n    actual {\n      ...ShownLabel\n    }\n  }\n": typeof types.ConfusionCellFragmentDoc,
    "\n  fragment ReviewStats on ReviewStats {\n    images\n    objects\n    correct\n    missed\n    precision\n    classes {\n      label {\n        ...ShownLabel\n      }\n      predicted\n      correct\n      wrongLabel\n      notObject\n      missed\n      precision\n      recall\n    }\n    confusion {\n      ...ConfusionCell\n    }\n    mostConfused {\n      ...ConfusionCell\n    }\n    days {\n      day\n      images\n      objects\n      correct\n      missed\n      precision\n    }\n  }\n": typeof types.ReviewStatsFragmentDoc,
    "\n  query ReviewQueue($labelSet: String, $first: Int) {\n    reviewQueue(labelSet: $labelSet, first: $first) {\n      totalCount\n      items {\n        ...ReviewableDetection\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  mutation ClaimReview($detectionId: ID!) {\n    claimReview(detectionId: $detectionId) {\n      claimedUntil\n    }\n  }\n": typeof types.ClaimReviewDocument,
    "\n  mutation SkipReview($detectionId: ID!) {\n    skipReview(detectionId: $detectionId)\n  }\n": typeof types.SkipReviewDocument,
    "\n  mutation ReviewDetection($input: ReviewDetectionInput!) {\n    reviewDetection(input: $input) {\n      id\n      review {\n        ...DetectionReview\n      }\n    }\n  }\n": typeof types.ReviewDetectionDocument,
    "\n  query ReviewStats($labelSet: String!, $from: DateTimeISO, $to: DateTimeISO, $timeZone: String) {\n    reviewStats(labelSet: $labelSet, from: $from, to: $to, timeZone: $timeZone) {\n      ...ReviewStats\n    }\n  }\n": typeof types.ReviewStatsDocument,
    "\n  query ReviewRules {\n    reviewRules {\n      ...ReviewRules\n    }\n  }\n": typeof types.ReviewRulesDocument,
    "\n  mutation UpdateReviewRules($input: ReviewRulesInput!) {\n    updateReviewRules(input: $input) {\n      ...ReviewRules\n    }\n  }\n": typeof types.UpdateReviewRulesDocument,
    "\n  query DetectionReview($id: ID!) {\n    detection(id: $id) {\n      objects {\n        ...ReviewableObject\n      }\n      review {\n        ...DetectionReview\n      }\n    }\n  }\n": typeof types.DetectionReviewDocument,
};
const documents: Documents = {
    "\n  query DeviceBundles($model: String) {\n    deviceBundles(model: $model) {\n      model\n      version\n      profile\n      precision\n      inputSize\n      url\n      bytes\n      sha256\n      modelBytes\n      modelSha256\n      labelSet\n      labelSetVersion\n      measured {\n        imagesPerSecond\n        latencyP50Ms\n        mAP\n        mAP50\n        provider\n        measuredAt\n      }\n    }\n  }\n": types.DeviceBundlesDocument,
    "\n  fragment Box on Box {\n    x\n    y\n    width\n    height\n  }\n": types.BoxFragmentDoc,
    "\n  fragment DetectedObject on DetectedObject {\n    score\n    label {\n      key\n      zh\n      color\n      category\n    }\n    box {\n      ...Box\n    }\n  }\n": types.DetectedObjectFragmentDoc,
    "\n  fragment Detection on Detection {\n    id\n    createdAt\n    labelSet\n    labelSetVersion\n    executionProvider\n    image {\n      sha256\n      width\n      height\n    }\n    objects {\n      ...DetectedObject\n    }\n    model {\n      name\n      version\n      precision\n      inputSize\n    }\n    timing {\n      queueMs\n      inferenceMs\n      totalMs\n      batchSize\n    }\n  }\n": types.DetectionFragmentDoc,
    "\n  mutation Detect($input: DetectInput!) {\n    detect(input: $input) {\n      ...Detection\n    }\n  }\n": types.DetectDocument,
    "\n  query Detection($id: ID!) {\n    detection(id: $id) {\n      ...Detection\n    }\n  }\n": types.DetectionDocument,
    "\n  query Detections($filter: DetectionFilter, $first: Int, $after: String) {\n    detections(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...Detection\n        }\n      }\n    }\n  }\n": types.DetectionsDocument,
    "\n  fragment ApiKey on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiKeyFragmentDoc,
    "\n  fragment KeyLimits on KeyLimits {\n    requestsPerSecond\n    burst\n    imagesPerDay\n  }\n": types.KeyLimitsFragmentDoc,
    "\n  fragment ApiKeyWithLimits on ApiKey {\n    ...ApiKey\n    limits {\n      effective {\n        ...KeyLimits\n      }\n    }\n  }\n": types.ApiKeyWithLimitsFragmentDoc,
    "\n  fragment UsageDay on UsageDay {\n    keyId\n    keyName\n    day\n    detections\n    images\n    objects\n    errors\n    rateLimited\n  }\n": types.UsageDayFragmentDoc,
    "\n  fragment CreatedApiKey on CreatedApiKey {\n    secret\n    apiKey {\n      ...ApiKey\n    }\n  }\n": types.CreatedApiKeyFragmentDoc,
    "\n  query Me {\n    me {\n      ...ApiKey\n    }\n  }\n": types.MeDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyWithLimits\n    }\n  }\n": types.ApiKeysDocument,
    "\n  query Usage($from: String, $to: String) {\n    usage(from: $from, to: $to) {\n      ...UsageDay\n    }\n  }\n": types.UsageDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      ...CreatedApiKey\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKey\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  fragment Label on Label {\n    key\n    zh\n    aliases\n    pinyin\n    category\n    color\n    enabled\n    minScore\n    nameSource\n    classes\n    categories\n  }\n": types.LabelFragmentDoc,
    "\n  fragment LabelSetSummary on LabelSetSummary {\n    key\n    name\n    latestVersion\n    hasDraft\n  }\n": types.LabelSetSummaryFragmentDoc,
    "\n  fragment LabelSetVersion on LabelSetVersion {\n    labelSet\n    version\n    status\n    publishedAt\n    labels {\n      ...Label\n    }\n  }\n": types.LabelSetVersionFragmentDoc,
    "\n  fragment LabelCategory on LabelCategory {\n    name\n    level\n    coarse\n  }\n": types.LabelCategoryFragmentDoc,
    "\n  fragment LabelChange on LabelChange {\n    key\n    change\n    before {\n      ...Label\n    }\n    after {\n      ...Label\n    }\n  }\n": types.LabelChangeFragmentDoc,
    "\n  fragment AuditEntry on AuditEntry {\n    id\n    actorKeyId\n    action\n    entity\n    before\n    after\n    at\n  }\n": types.AuditEntryFragmentDoc,
    "\n  query LabelSets {\n    labelSets {\n      ...LabelSetSummary\n    }\n  }\n": types.LabelSetsDocument,
    "\n  query LabelSet($key: String!, $version: Int, $draft: Boolean) {\n    labelSet(key: $key, version: $version, draft: $draft) {\n      ...LabelSetVersion\n    }\n  }\n": types.LabelSetDocument,
    "\n  query LabelCategories {\n    labelCategories {\n      ...LabelCategory\n    }\n  }\n": types.LabelCategoriesDocument,
    "\n  query LabelSetDiff($key: String!) {\n    labelSetDiff(key: $key) {\n      ...LabelChange\n    }\n  }\n": types.LabelSetDiffDocument,
    "\n  mutation CreateLabelSet($input: CreateLabelSetInput!) {\n    createLabelSet(input: $input) {\n      ...LabelSetSummary\n    }\n  }\n": types.CreateLabelSetDocument,
    "\n  mutation AddLabel($input: AddLabelInput!) {\n    addLabel(input: $input) {\n      key\n    }\n  }\n": types.AddLabelDocument,
    "\n  mutation UpdateLabel($input: UpdateLabelInput!) {\n    updateLabel(input: $input) {\n      key\n    }\n  }\n": types.UpdateLabelDocument,
    "\n  mutation PublishLabelSet($key: String!) {\n    publishLabelSet(key: $key) {\n      version\n    }\n  }\n": types.PublishLabelSetDocument,
    "\n  query AuditLog($first: Int) {\n    auditLog(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...AuditEntry\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  fragment ModelVersion on ModelVersion {\n    id\n    name\n    version\n    family\n    labelSet\n    active\n    defaultPrecision\n    defaultInputSize\n    createdAt\n    defaultProfileBasis {\n      source\n      provider\n      reason\n    }\n    artifacts {\n      precision\n      inputSize\n      sha256\n      bytes\n    }\n  }\n": types.ModelVersionFragmentDoc,
    "\n  fragment ProfileResult on ProfileResult {\n    precision\n    servingPrecision\n    servable\n    inputSize\n    batchSize\n    imagesPerSecond\n    latencyP50Ms\n    latencyP95Ms\n    memoryMB\n    fileBytes\n    mAP\n    mAP50\n    deltaMAP\n    agreement\n    flags\n    provider\n    measuredAt\n  }\n": types.ProfileResultFragmentDoc,
    "\n  fragment LatencyPercentiles on LatencyPercentiles {\n    count\n    p50\n    p90\n    p99\n    max\n  }\n": types.LatencyPercentilesFragmentDoc,
    "\n  fragment ArtifactStats on ArtifactSchedulerStats {\n    artifact\n    model\n    version\n    precision\n    inputSize\n    state\n    executionProvider\n    queueDepthInteractive\n    queueDepthBulk\n    inFlight\n    batchSize\n    batchSizeLimitedBy\n    sessionMB\n    perImageMB\n    completed\n    failed\n    batches\n    totalMs {\n      ...LatencyPercentiles\n    }\n  }\n": types.ArtifactStatsFragmentDoc,
    "\n  fragment SchedulerStats on SchedulerStats {\n    accepting\n    memoryBudgetMB\n    sessionsMB\n    activationsMB\n    processRssMB\n    artifacts {\n      ...ArtifactStats\n    }\n  }\n": types.SchedulerStatsFragmentDoc,
    "\n  query ModelVersions {\n    modelVersions {\n      ...ModelVersion\n    }\n  }\n": types.ModelVersionsDocument,
    "\n  query ModelFamilies {\n    modelFamilies\n  }\n": types.ModelFamiliesDocument,
    "\n  mutation ActivateModelVersion($name: String!, $version: String!) {\n    activateModelVersion(name: $name, version: $version) {\n      id\n      active\n    }\n  }\n": types.ActivateModelVersionDocument,
    "\n  mutation SetDefaultProfile($model: String!, $precision: Precision!, $inputSize: Int!) {\n    setDefaultProfile(model: $model, precision: $precision, inputSize: $inputSize) {\n      id\n    }\n  }\n": types.SetDefaultProfileDocument,
    "\n  query ProfileComparison($model: String!) {\n    profileComparison(model: $model) {\n      ...ProfileResult\n    }\n  }\n": types.ProfileComparisonDocument,
    "\n  query SchedulerStats {\n    schedulerStats {\n      ...SchedulerStats\n    }\n  }\n": types.SchedulerStatsDocument,
    "\n  fragment ProfileBenchmarkJob on ProfileBenchmarkJob {\n    id\n    model\n    version\n    status\n    phase\n    message\n    error\n    createdAt\n    startedAt\n    finishedAt\n    parameters {\n      sizes\n      precisions\n      maxImages\n      speedRounds\n    }\n    progress {\n      phase\n      message\n      at\n    }\n  }\n": types.ProfileBenchmarkJobFragmentDoc,
    "\n  mutation StartProfileBenchmark($input: StartProfileBenchmarkInput!) {\n    startProfileBenchmark(input: $input) {\n      ...ProfileBenchmarkJob\n    }\n  }\n": types.StartProfileBenchmarkDocument,
    "\n  mutation CancelProfileBenchmark($id: ID!) {\n    cancelProfileBenchmark(id: $id) {\n      ...ProfileBenchmarkJob\n    }\n  }\n": types.CancelProfileBenchmarkDocument,
    "\n  query ProfileBenchmarkJob($id: ID!) {\n    profileBenchmarkJob(id: $id) {\n      ...ProfileBenchmarkJob\n    }\n  }\n": types.ProfileBenchmarkJobDocument,
    "\n  query ProfileBenchmarkJobs($first: Int) {\n    profileBenchmarkJobs(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProfileBenchmarkJob\n        }\n      }\n    }\n  }\n": types.ProfileBenchmarkJobsDocument,
    "\n  fragment ShownLabel on Label {\n    key\n    zh\n    color\n  }\n": types.ShownLabelFragmentDoc,
    "\n  fragment ObjectReview on ObjectReview {\n    verdict\n    reviewer\n    at\n    correctedLabel {\n      ...ShownLabel\n    }\n  }\n": types.ObjectReviewFragmentDoc,
    "\n  fragment DetectionReview on DetectionReview {\n    status\n    reasons\n    priority\n    flagReason\n    reviewedAt\n    missed {\n      label {\n        ...ShownLabel\n      }\n      box {\n        ...Box\n      }\n    }\n  }\n": types.DetectionReviewFragmentDoc,
    "\n  fragment ReviewableObject on DetectedObject {\n    id\n    ...DetectedObject\n    review {\n      ...ObjectReview\n    }\n  }\n": types.ReviewableObjectFragmentDoc,
    "\n  fragment ReviewableDetection on Detection {\n    ...Detection\n    objects {\n      ...ReviewableObject\n    }\n    review {\n      ...DetectionReview\n    }\n  }\n": types.ReviewableDetectionFragmentDoc,
    "\n  fragment ReviewRules on ReviewRules {\n    enabled\n    lowScoreBelow\n    borderlineMargin\n    watchedClasses\n    randomShare\n    hourlyCap\n    dailyCap\n  }\n": types.ReviewRulesFragmentDoc,
    "\n  fragment ConfusionCell on ConfusionCell {\n    count\n    predicted {\n      ...ShownLabel\n    }\n    actual {\n      ...ShownLabel\n    }\n  }\n": types.ConfusionCellFragmentDoc,
    "\n  fragment ReviewStats on ReviewStats {\n    images\n    objects\n    correct\n    missed\n    precision\n    classes {\n      label {\n        ...ShownLabel\n      }\n      predicted\n      correct\n      wrongLabel\n      notObject\n      missed\n      precision\n      recall\n    }\n    confusion {\n      ...ConfusionCell\n    }\n    mostConfused {\n      ...ConfusionCell\n    }\n    days {\n      day\n      images\n      objects\n      correct\n      missed\n      precision\n    }\n  }\n": types.ReviewStatsFragmentDoc,
    "\n  query ReviewQueue($labelSet: String, $first: Int) {\n    reviewQueue(labelSet: $labelSet, first: $first) {\n      totalCount\n      items {\n        ...ReviewableDetection\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  mutation ClaimReview($detectionId: ID!) {\n    claimReview(detectionId: $detectionId) {\n      claimedUntil\n    }\n  }\n": types.ClaimReviewDocument,
    "\n  mutation SkipReview($detectionId: ID!) {\n    skipReview(detectionId: $detectionId)\n  }\n": types.SkipReviewDocument,
    "\n  mutation ReviewDetection($input: ReviewDetectionInput!) {\n    reviewDetection(input: $input) {\n      id\n      review {\n        ...DetectionReview\n      }\n    }\n  }\n": types.ReviewDetectionDocument,
    "\n  query ReviewStats($labelSet: String!, $from: DateTimeISO, $to: DateTimeISO, $timeZone: String) {\n    reviewStats(labelSet: $labelSet, from: $from, to: $to, timeZone: $timeZone) {\n      ...ReviewStats\n    }\n  }\n": types.ReviewStatsDocument,
    "\n  query ReviewRules {\n    reviewRules {\n      ...ReviewRules\n    }\n  }\n": types.ReviewRulesDocument,
    "\n  mutation UpdateReviewRules($input: ReviewRulesInput!) {\n    updateReviewRules(input: $input) {\n      ...ReviewRules\n    }\n  }\n": types.UpdateReviewRulesDocument,
    "\n  query DetectionReview($id: ID!) {\n    detection(id: $id) {\n      objects {\n        ...ReviewableObject\n      }\n      review {\n        ...DetectionReview\n      }\n    }\n  }\n": types.DetectionReviewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeviceBundles($model: String) {\n    deviceBundles(model: $model) {\n      model\n      version\n      profile\n      precision\n      inputSize\n      url\n      bytes\n      sha256\n      modelBytes\n      modelSha256\n      labelSet\n      labelSetVersion\n      measured {\n        imagesPerSecond\n        latencyP50Ms\n        mAP\n        mAP50\n        provider\n        measuredAt\n      }\n    }\n  }\n"): typeof import('./graphql').DeviceBundlesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Box on Box {\n    x\n    y\n    width\n    height\n  }\n"): typeof import('./graphql').BoxFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DetectedObject on DetectedObject {\n    score\n    label {\n      key\n      zh\n      color\n      category\n    }\n    box {\n      ...Box\n    }\n  }\n"): typeof import('./graphql').DetectedObjectFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Detection on Detection {\n    id\n    createdAt\n    labelSet\n    labelSetVersion\n    executionProvider\n    image {\n      sha256\n      width\n      height\n    }\n    objects {\n      ...DetectedObject\n    }\n    model {\n      name\n      version\n      precision\n      inputSize\n    }\n    timing {\n      queueMs\n      inferenceMs\n      totalMs\n      batchSize\n    }\n  }\n"): typeof import('./graphql').DetectionFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Detect($input: DetectInput!) {\n    detect(input: $input) {\n      ...Detection\n    }\n  }\n"): typeof import('./graphql').DetectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Detection($id: ID!) {\n    detection(id: $id) {\n      ...Detection\n    }\n  }\n"): typeof import('./graphql').DetectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Detections($filter: DetectionFilter, $first: Int, $after: String) {\n    detections(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...Detection\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DetectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKey on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): typeof import('./graphql').ApiKeyFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KeyLimits on KeyLimits {\n    requestsPerSecond\n    burst\n    imagesPerDay\n  }\n"): typeof import('./graphql').KeyLimitsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyWithLimits on ApiKey {\n    ...ApiKey\n    limits {\n      effective {\n        ...KeyLimits\n      }\n    }\n  }\n"): typeof import('./graphql').ApiKeyWithLimitsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UsageDay on UsageDay {\n    keyId\n    keyName\n    day\n    detections\n    images\n    objects\n    errors\n    rateLimited\n  }\n"): typeof import('./graphql').UsageDayFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CreatedApiKey on CreatedApiKey {\n    secret\n    apiKey {\n      ...ApiKey\n    }\n  }\n"): typeof import('./graphql').CreatedApiKeyFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ApiKey\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyWithLimits\n    }\n  }\n"): typeof import('./graphql').ApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Usage($from: String, $to: String) {\n    usage(from: $from, to: $to) {\n      ...UsageDay\n    }\n  }\n"): typeof import('./graphql').UsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      ...CreatedApiKey\n    }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKey\n    }\n  }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Label on Label {\n    key\n    zh\n    aliases\n    pinyin\n    category\n    color\n    enabled\n    minScore\n    nameSource\n    classes\n    categories\n  }\n"): typeof import('./graphql').LabelFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LabelSetSummary on LabelSetSummary {\n    key\n    name\n    latestVersion\n    hasDraft\n  }\n"): typeof import('./graphql').LabelSetSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LabelSetVersion on LabelSetVersion {\n    labelSet\n    version\n    status\n    publishedAt\n    labels {\n      ...Label\n    }\n  }\n"): typeof import('./graphql').LabelSetVersionFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LabelCategory on LabelCategory {\n    name\n    level\n    coarse\n  }\n"): typeof import('./graphql').LabelCategoryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LabelChange on LabelChange {\n    key\n    change\n    before {\n      ...Label\n    }\n    after {\n      ...Label\n    }\n  }\n"): typeof import('./graphql').LabelChangeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntry on AuditEntry {\n    id\n    actorKeyId\n    action\n    entity\n    before\n    after\n    at\n  }\n"): typeof import('./graphql').AuditEntryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LabelSets {\n    labelSets {\n      ...LabelSetSummary\n    }\n  }\n"): typeof import('./graphql').LabelSetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LabelSet($key: String!, $version: Int, $draft: Boolean) {\n    labelSet(key: $key, version: $version, draft: $draft) {\n      ...LabelSetVersion\n    }\n  }\n"): typeof import('./graphql').LabelSetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LabelCategories {\n    labelCategories {\n      ...LabelCategory\n    }\n  }\n"): typeof import('./graphql').LabelCategoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LabelSetDiff($key: String!) {\n    labelSetDiff(key: $key) {\n      ...LabelChange\n    }\n  }\n"): typeof import('./graphql').LabelSetDiffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLabelSet($input: CreateLabelSetInput!) {\n    createLabelSet(input: $input) {\n      ...LabelSetSummary\n    }\n  }\n"): typeof import('./graphql').CreateLabelSetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddLabel($input: AddLabelInput!) {\n    addLabel(input: $input) {\n      key\n    }\n  }\n"): typeof import('./graphql').AddLabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLabel($input: UpdateLabelInput!) {\n    updateLabel(input: $input) {\n      key\n    }\n  }\n"): typeof import('./graphql').UpdateLabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishLabelSet($key: String!) {\n    publishLabelSet(key: $key) {\n      version\n    }\n  }\n"): typeof import('./graphql').PublishLabelSetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($first: Int) {\n    auditLog(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...AuditEntry\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ModelVersion on ModelVersion {\n    id\n    name\n    version\n    family\n    labelSet\n    active\n    defaultPrecision\n    defaultInputSize\n    createdAt\n    defaultProfileBasis {\n      source\n      provider\n      reason\n    }\n    artifacts {\n      precision\n      inputSize\n      sha256\n      bytes\n    }\n  }\n"): typeof import('./graphql').ModelVersionFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileResult on ProfileResult {\n    precision\n    servingPrecision\n    servable\n    inputSize\n    batchSize\n    imagesPerSecond\n    latencyP50Ms\n    latencyP95Ms\n    memoryMB\n    fileBytes\n    mAP\n    mAP50\n    deltaMAP\n    agreement\n    flags\n    provider\n    measuredAt\n  }\n"): typeof import('./graphql').ProfileResultFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LatencyPercentiles on LatencyPercentiles {\n    count\n    p50\n    p90\n    p99\n    max\n  }\n"): typeof import('./graphql').LatencyPercentilesFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArtifactStats on ArtifactSchedulerStats {\n    artifact\n    model\n    version\n    precision\n    inputSize\n    state\n    executionProvider\n    queueDepthInteractive\n    queueDepthBulk\n    inFlight\n    batchSize\n    batchSizeLimitedBy\n    sessionMB\n    perImageMB\n    completed\n    failed\n    batches\n    totalMs {\n      ...LatencyPercentiles\n    }\n  }\n"): typeof import('./graphql').ArtifactStatsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SchedulerStats on SchedulerStats {\n    accepting\n    memoryBudgetMB\n    sessionsMB\n    activationsMB\n    processRssMB\n    artifacts {\n      ...ArtifactStats\n    }\n  }\n"): typeof import('./graphql').SchedulerStatsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelVersions {\n    modelVersions {\n      ...ModelVersion\n    }\n  }\n"): typeof import('./graphql').ModelVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelFamilies {\n    modelFamilies\n  }\n"): typeof import('./graphql').ModelFamiliesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateModelVersion($name: String!, $version: String!) {\n    activateModelVersion(name: $name, version: $version) {\n      id\n      active\n    }\n  }\n"): typeof import('./graphql').ActivateModelVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDefaultProfile($model: String!, $precision: Precision!, $inputSize: Int!) {\n    setDefaultProfile(model: $model, precision: $precision, inputSize: $inputSize) {\n      id\n    }\n  }\n"): typeof import('./graphql').SetDefaultProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProfileComparison($model: String!) {\n    profileComparison(model: $model) {\n      ...ProfileResult\n    }\n  }\n"): typeof import('./graphql').ProfileComparisonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerStats {\n    schedulerStats {\n      ...SchedulerStats\n    }\n  }\n"): typeof import('./graphql').SchedulerStatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileBenchmarkJob on ProfileBenchmarkJob {\n    id\n    model\n    version\n    status\n    phase\n    message\n    error\n    createdAt\n    startedAt\n    finishedAt\n    parameters {\n      sizes\n      precisions\n      maxImages\n      speedRounds\n    }\n    progress {\n      phase\n      message\n      at\n    }\n  }\n"): typeof import('./graphql').ProfileBenchmarkJobFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartProfileBenchmark($input: StartProfileBenchmarkInput!) {\n    startProfileBenchmark(input: $input) {\n      ...ProfileBenchmarkJob\n    }\n  }\n"): typeof import('./graphql').StartProfileBenchmarkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelProfileBenchmark($id: ID!) {\n    cancelProfileBenchmark(id: $id) {\n      ...ProfileBenchmarkJob\n    }\n  }\n"): typeof import('./graphql').CancelProfileBenchmarkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProfileBenchmarkJob($id: ID!) {\n    profileBenchmarkJob(id: $id) {\n      ...ProfileBenchmarkJob\n    }\n  }\n"): typeof import('./graphql').ProfileBenchmarkJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProfileBenchmarkJobs($first: Int) {\n    profileBenchmarkJobs(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProfileBenchmarkJob\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ProfileBenchmarkJobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShownLabel on Label {\n    key\n    zh\n    color\n  }\n"): typeof import('./graphql').ShownLabelFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ObjectReview on ObjectReview {\n    verdict\n    reviewer\n    at\n    correctedLabel {\n      ...ShownLabel\n    }\n  }\n"): typeof import('./graphql').ObjectReviewFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DetectionReview on DetectionReview {\n    status\n    reasons\n    priority\n    flagReason\n    reviewedAt\n    missed {\n      label {\n        ...ShownLabel\n      }\n      box {\n        ...Box\n      }\n    }\n  }\n"): typeof import('./graphql').DetectionReviewFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewableObject on DetectedObject {\n    id\n    ...DetectedObject\n    review {\n      ...ObjectReview\n    }\n  }\n"): typeof import('./graphql').ReviewableObjectFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewableDetection on Detection {\n    ...Detection\n    objects {\n      ...ReviewableObject\n    }\n    review {\n      ...DetectionReview\n    }\n  }\n"): typeof import('./graphql').ReviewableDetectionFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewRules on ReviewRules {\n    enabled\n    lowScoreBelow\n    borderlineMargin\n    watchedClasses\n    randomShare\n    hourlyCap\n    dailyCap\n  }\n"): typeof import('./graphql').ReviewRulesFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConfusionCell on ConfusionCell {\n    count\n    predicted {\n      ...ShownLabel\n    }\n    actual {\n      ...ShownLabel\n    }\n  }\n"): typeof import('./graphql').ConfusionCellFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewStats on ReviewStats {\n    images\n    objects\n    correct\n    missed\n    precision\n    classes {\n      label {\n        ...ShownLabel\n      }\n      predicted\n      correct\n      wrongLabel\n      notObject\n      missed\n      precision\n      recall\n    }\n    confusion {\n      ...ConfusionCell\n    }\n    mostConfused {\n      ...ConfusionCell\n    }\n    days {\n      day\n      images\n      objects\n      correct\n      missed\n      precision\n    }\n  }\n"): typeof import('./graphql').ReviewStatsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($labelSet: String, $first: Int) {\n    reviewQueue(labelSet: $labelSet, first: $first) {\n      totalCount\n      items {\n        ...ReviewableDetection\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimReview($detectionId: ID!) {\n    claimReview(detectionId: $detectionId) {\n      claimedUntil\n    }\n  }\n"): typeof import('./graphql').ClaimReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SkipReview($detectionId: ID!) {\n    skipReview(detectionId: $detectionId)\n  }\n"): typeof import('./graphql').SkipReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewDetection($input: ReviewDetectionInput!) {\n    reviewDetection(input: $input) {\n      id\n      review {\n        ...DetectionReview\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewDetectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewStats($labelSet: String!, $from: DateTimeISO, $to: DateTimeISO, $timeZone: String) {\n    reviewStats(labelSet: $labelSet, from: $from, to: $to, timeZone: $timeZone) {\n      ...ReviewStats\n    }\n  }\n"): typeof import('./graphql').ReviewStatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewRules {\n    reviewRules {\n      ...ReviewRules\n    }\n  }\n"): typeof import('./graphql').ReviewRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateReviewRules($input: ReviewRulesInput!) {\n    updateReviewRules(input: $input) {\n      ...ReviewRules\n    }\n  }\n"): typeof import('./graphql').UpdateReviewRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DetectionReview($id: ID!) {\n    detection(id: $id) {\n      objects {\n        ...ReviewableObject\n      }\n      review {\n        ...DetectionReview\n      }\n    }\n  }\n"): typeof import('./graphql').DetectionReviewDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
