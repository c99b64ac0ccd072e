// VisDrone2019-DET (drone photos of traffic), the 10 classes in Ultralytics' VisDrone.yaml order.
import { entry, type CuratedList } from './types';

export const VISDRONE: CuratedList = {
  key: 'visdrone',
  source: 'VisDrone2019-DET (github.com/VisDrone/VisDrone-Dataset); Ultralytics VisDrone.yaml names',
  entries: [
    entry('pedestrian', '行人', '人'),
    entry('people', '人', '人', ['人群']),
    entry('bicycle', '自行车', '车辆', ['单车']),
    entry('car', '汽车', '车辆', ['轿车']),
    entry('van', '面包车', '车辆', ['厢式车']),
    entry('truck', '卡车', '车辆', ['货车']),
    entry('tricycle', '三轮车', '车辆'),
    entry('awning-tricycle', '篷式三轮车', '车辆', ['带篷三轮车']),
    entry('bus', '公交车', '车辆', ['巴士']),
    entry('motor', '摩托车', '车辆', ['电动车']),
  ],
};
