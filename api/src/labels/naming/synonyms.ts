// English names that detection datasets use for the same class. Each group is one thing; a name missing from
// every dictionary is looked up again under the other names of its group.
const GROUPS: readonly (readonly string[])[] = [
  ['airplane', 'aeroplane', 'plane', 'aircraft'],
  ['cell phone', 'mobile phone', 'cellphone', 'smartphone'],
  ['motorcycle', 'motorbike', 'motor'],
  ['tv', 'television', 'tvmonitor', 'tv monitor', 'monitor/tv', 'television set'],
  ['couch', 'sofa'],
  ['dining table', 'diningtable', 'dinning table'],
  ['potted plant', 'pottedplant', 'houseplant', 'house plant'],
  ['person', 'people', 'human'],
  ['bicycle', 'bike', 'cycle'],
  ['hair drier', 'hair dryer', 'hairdryer', 'blow dryer'],
  ['donut', 'doughnut'],
  ['refrigerator', 'fridge'],
  ['laptop', 'notebook computer', 'laptop computer'],
  ['hot dog', 'hotdog'],
  ['remote', 'remote control', 'remote controller'],
  ['suitcase', 'luggage', 'baggage'],
  ['traffic light', 'traffic signal', 'stoplight', 'traffic lights'],
  ['wine glass', 'wineglass'],
  ['teddy bear', 'teddy', 'stuffed bear'],
  ['car', 'automobile', 'auto'],
  ['truck', 'lorry'],
  ['cow', 'cattle'],
  ['sports ball', 'ball'],
  ['skis', 'ski'],
  ['tennis racket', 'tennis racquet'],
  ['handbag', 'hand bag'],
  ['backpack', 'rucksack', 'knapsack'],
  ['microwave', 'microwave oven'],
  ['trash can', 'trash bin', 'garbage can', 'rubbish bin', 'waste bin', 'dustbin', 'trash bin can'],
  ['cup', 'mug'],
  ['headphones', 'head phone', 'headphone'],
  ['earphone', 'earbud', 'earphones'],
  ['street light', 'street lights', 'streetlight', 'street lamp'],
  ['monitor', 'computer monitor'],
  ['power outlet', 'socket', 'electrical outlet', 'outlet'],
  ['air conditioner', 'air conditioning'],
  ['fire hydrant', 'hydrant'],
];

const BY_NAME = new Map<string, readonly string[]>();
for (const group of GROUPS) for (const name of group) BY_NAME.set(name.replace(/ /g, ''), group);

/** The other names of a name's group (compared without spaces), none when it is in no group. */
export function synonymsOf(name: string): readonly string[] {
  const compact = name.replace(/ /g, '');
  return (BY_NAME.get(compact) ?? []).filter((other) => other.replace(/ /g, '') !== compact);
}
