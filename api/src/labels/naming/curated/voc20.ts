// Pascal VOC 2007/2012: the 20 classes in the devkit's order, spelled as VOC spells them.
import { entry, type CuratedList } from './types';

export const VOC20: CuratedList = {
  key: 'voc20',
  source: 'Pascal VOC devkit (host.robots.ox.ac.uk/pascal/VOC), VOCdevkit classes',
  entries: [
    entry('aeroplane', '飞机', '飞机船舶', ['客机']),
    entry('bicycle', '自行车', '车辆', ['单车']),
    entry('bird', '鸟', '动物', ['鸟类']),
    entry('boat', '船', '飞机船舶', ['船只']),
    entry('bottle', '瓶子', '餐具', ['瓶']),
    entry('bus', '公交车', '车辆', ['巴士', '公共汽车']),
    entry('car', '汽车', '车辆', ['轿车']),
    entry('cat', '猫', '动物', ['猫咪']),
    entry('chair', '椅子', '家具'),
    entry('cow', '牛', '动物'),
    entry('diningtable', '餐桌', '家具', ['饭桌']),
    entry('dog', '狗', '动物', ['犬']),
    entry('horse', '马', '动物'),
    entry('motorbike', '摩托车', '车辆', ['机车']),
    entry('person', '人', '人', ['行人']),
    entry('pottedplant', '盆栽植物', '植物', ['盆栽']),
    entry('sheep', '羊', '动物', ['绵羊']),
    entry('sofa', '沙发', '家具'),
    entry('train', '火车', '车辆', ['列车']),
    entry('tvmonitor', '电视', '电子产品', ['显示器', '电视机']),
  ],
};
