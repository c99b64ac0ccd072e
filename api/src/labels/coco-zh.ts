// Chinese labels for the 80 COCO classes, in COCO/Ultralytics class-index order (classes.txt). The curated
// dictionary the naming module tries first for COCO-like class lists; pinyin is derived from the names.
import type { Label, LabelCategory, LabelSet } from './label-set';
import { coloursFor } from './naming/colour';
import { pinyinOf } from './naming/pinyin';

type Seed = Omit<Label, 'color' | 'pinyin'>;

const seed = (key: string, zh: string, aliases: string[], category: LabelCategory): Seed => ({
  key,
  zh,
  aliases,
  category,
});

const COCO_SEEDS: Seed[] = [
  seed('person', '人', ['行人', '人物'], '人'),
  seed('bicycle', '自行车', ['单车', '脚踏车'], '车辆'),
  seed('car', '汽车', ['小汽车', '轿车'], '车辆'),
  seed('motorcycle', '摩托车', ['机车', '电单车'], '车辆'),
  seed('airplane', '飞机', ['客机', '航空器'], '飞机船舶'),
  seed('bus', '公交车', ['公共汽车', '巴士', '大巴'], '车辆'),
  seed('train', '火车', ['列车'], '车辆'),
  seed('truck', '卡车', ['货车'], '车辆'),
  seed('boat', '船', ['船只', '小船'], '飞机船舶'),
  seed('traffic light', '红绿灯', ['交通信号灯', '信号灯'], '交通设施'),
  seed('fire hydrant', '消防栓', ['消火栓'], '公共设施'),
  seed('stop sign', '停车标志', ['停车让行标志', '停止标志'], '交通设施'),
  seed('parking meter', '停车计时器', ['咪表', '停车收费表'], '交通设施'),
  seed('bench', '长椅', ['长凳'], '公共设施'),
  seed('bird', '鸟', ['鸟类', '小鸟'], '动物'),
  seed('cat', '猫', ['猫咪'], '动物'),
  seed('dog', '狗', ['犬', '小狗'], '动物'),
  seed('horse', '马', ['马匹'], '动物'),
  seed('sheep', '羊', ['绵羊'], '动物'),
  seed('cow', '牛', ['奶牛', '黄牛'], '动物'),
  seed('elephant', '大象', ['象'], '动物'),
  seed('bear', '熊', ['狗熊', '棕熊'], '动物'),
  seed('zebra', '斑马', [], '动物'),
  seed('giraffe', '长颈鹿', [], '动物'),
  seed('backpack', '背包', ['双肩包', '书包'], '随身物品'),
  seed('umbrella', '雨伞', ['伞'], '随身物品'),
  seed('handbag', '手提包', ['手袋', '挎包'], '随身物品'),
  seed('tie', '领带', [], '随身物品'),
  seed('suitcase', '行李箱', ['旅行箱', '拉杆箱'], '随身物品'),
  seed('frisbee', '飞盘', [], '运动用品'),
  seed('skis', '滑雪板', ['双板', '雪板'], '运动用品'),
  seed('snowboard', '单板滑雪板', ['滑雪单板', '单板'], '运动用品'),
  seed('sports ball', '球', ['足球', '篮球', '网球', '排球'], '运动用品'),
  seed('kite', '风筝', [], '运动用品'),
  seed('baseball bat', '棒球棒', ['球棒'], '运动用品'),
  seed('baseball glove', '棒球手套', [], '运动用品'),
  seed('skateboard', '滑板', [], '运动用品'),
  seed('surfboard', '冲浪板', [], '运动用品'),
  seed('tennis racket', '网球拍', ['球拍'], '运动用品'),
  seed('bottle', '瓶子', ['瓶', '水瓶'], '餐具'),
  seed('wine glass', '酒杯', ['高脚杯', '红酒杯'], '餐具'),
  seed('cup', '杯子', ['茶杯', '水杯', '马克杯'], '餐具'),
  seed('fork', '叉子', ['餐叉'], '餐具'),
  seed('knife', '刀', ['餐刀', '小刀'], '餐具'),
  seed('spoon', '勺子', ['汤匙', '调羹'], '餐具'),
  seed('bowl', '碗', ['饭碗'], '餐具'),
  seed('banana', '香蕉', [], '食物'),
  seed('apple', '苹果', [], '食物'),
  seed('sandwich', '三明治', ['三文治'], '食物'),
  seed('orange', '橙子', ['橙', '橘子'], '食物'),
  seed('broccoli', '西兰花', ['西蓝花', '绿菜花'], '食物'),
  seed('carrot', '胡萝卜', ['红萝卜'], '食物'),
  seed('hot dog', '热狗', [], '食物'),
  seed('pizza', '披萨', ['比萨', '匹萨'], '食物'),
  seed('donut', '甜甜圈', ['多拿滋'], '食物'),
  seed('cake', '蛋糕', [], '食物'),
  seed('chair', '椅子', ['座椅'], '家具'),
  seed('couch', '沙发', [], '家具'),
  seed('potted plant', '盆栽植物', ['盆栽', '盆花'], '植物'),
  seed('bed', '床', ['床铺'], '家具'),
  seed('dining table', '餐桌', ['饭桌', '桌子'], '家具'),
  seed('toilet', '马桶', ['坐便器'], '家具'),
  seed('tv', '电视', ['电视机'], '电子产品'),
  seed('laptop', '笔记本电脑', ['笔记本', '手提电脑'], '电子产品'),
  seed('mouse', '鼠标', ['滑鼠'], '电子产品'),
  seed('remote', '遥控器', [], '电子产品'),
  seed('keyboard', '键盘', [], '电子产品'),
  seed('cell phone', '手机', ['移动电话', '智能手机'], '电子产品'),
  seed('microwave', '微波炉', [], '家电'),
  seed('oven', '烤箱', ['烤炉'], '家电'),
  seed('toaster', '烤面包机', ['多士炉', '吐司机'], '家电'),
  seed('sink', '水槽', ['洗手池', '水池'], '家具'),
  seed('refrigerator', '冰箱', ['电冰箱'], '家电'),
  seed('book', '书', ['书本', '书籍'], '日用品'),
  seed('clock', '时钟', ['钟', '挂钟'], '日用品'),
  seed('vase', '花瓶', [], '日用品'),
  seed('scissors', '剪刀', [], '日用品'),
  seed('teddy bear', '泰迪熊', ['玩具熊', '毛绒熊'], '日用品'),
  seed('hair drier', '吹风机', ['电吹风'], '家电'),
  seed('toothbrush', '牙刷', [], '日用品'),
];

function withColours(seeds: Seed[]): Label[] {
  const colours = coloursFor(seeds);
  return seeds.map((s, i) => ({ ...s, pinyin: pinyinOf(s.zh), color: colours[i] }));
}

export const COCO_ZH: LabelSet = { key: 'coco80', labels: withColours(COCO_SEEDS) };
