// Chinese labels for the 80 COCO classes, in COCO/Ultralytics class-index order (classes.txt).
import type { Label, LabelCategory, LabelSet } from './label-set';

type Seed = Omit<Label, 'color'>;

const seed = (key: string, zh: string, aliases: string[], pinyin: string, category: LabelCategory): Seed => ({
  key,
  zh,
  aliases,
  pinyin,
  category,
});

const COCO_SEEDS: Seed[] = [
  seed('person', '人', ['行人', '人物'], 'ren', '人'),
  seed('bicycle', '自行车', ['单车', '脚踏车'], 'zi xing che', '车辆'),
  seed('car', '汽车', ['小汽车', '轿车'], 'qi che', '车辆'),
  seed('motorcycle', '摩托车', ['机车', '电单车'], 'mo tuo che', '车辆'),
  seed('airplane', '飞机', ['客机', '航空器'], 'fei ji', '飞机船舶'),
  seed('bus', '公交车', ['公共汽车', '巴士', '大巴'], 'gong jiao che', '车辆'),
  seed('train', '火车', ['列车'], 'huo che', '车辆'),
  seed('truck', '卡车', ['货车'], 'ka che', '车辆'),
  seed('boat', '船', ['船只', '小船'], 'chuan', '飞机船舶'),
  seed('traffic light', '红绿灯', ['交通信号灯', '信号灯'], 'hong lv deng', '交通设施'),
  seed('fire hydrant', '消防栓', ['消火栓'], 'xiao fang shuan', '公共设施'),
  seed('stop sign', '停车标志', ['停车让行标志', '停止标志'], 'ting che biao zhi', '交通设施'),
  seed('parking meter', '停车计时器', ['咪表', '停车收费表'], 'ting che ji shi qi', '交通设施'),
  seed('bench', '长椅', ['长凳'], 'chang yi', '公共设施'),
  seed('bird', '鸟', ['鸟类', '小鸟'], 'niao', '动物'),
  seed('cat', '猫', ['猫咪'], 'mao', '动物'),
  seed('dog', '狗', ['犬', '小狗'], 'gou', '动物'),
  seed('horse', '马', ['马匹'], 'ma', '动物'),
  seed('sheep', '羊', ['绵羊'], 'yang', '动物'),
  seed('cow', '牛', ['奶牛', '黄牛'], 'niu', '动物'),
  seed('elephant', '大象', ['象'], 'da xiang', '动物'),
  seed('bear', '熊', ['狗熊', '棕熊'], 'xiong', '动物'),
  seed('zebra', '斑马', [], 'ban ma', '动物'),
  seed('giraffe', '长颈鹿', [], 'chang jing lu', '动物'),
  seed('backpack', '背包', ['双肩包', '书包'], 'bei bao', '随身物品'),
  seed('umbrella', '雨伞', ['伞'], 'yu san', '随身物品'),
  seed('handbag', '手提包', ['手袋', '挎包'], 'shou ti bao', '随身物品'),
  seed('tie', '领带', [], 'ling dai', '随身物品'),
  seed('suitcase', '行李箱', ['旅行箱', '拉杆箱'], 'xing li xiang', '随身物品'),
  seed('frisbee', '飞盘', [], 'fei pan', '运动用品'),
  seed('skis', '滑雪板', ['双板', '雪板'], 'hua xue ban', '运动用品'),
  seed('snowboard', '单板滑雪板', ['滑雪单板', '单板'], 'dan ban hua xue ban', '运动用品'),
  seed('sports ball', '球', ['足球', '篮球', '网球', '排球'], 'qiu', '运动用品'),
  seed('kite', '风筝', [], 'feng zheng', '运动用品'),
  seed('baseball bat', '棒球棒', ['球棒'], 'bang qiu bang', '运动用品'),
  seed('baseball glove', '棒球手套', [], 'bang qiu shou tao', '运动用品'),
  seed('skateboard', '滑板', [], 'hua ban', '运动用品'),
  seed('surfboard', '冲浪板', [], 'chong lang ban', '运动用品'),
  seed('tennis racket', '网球拍', ['球拍'], 'wang qiu pai', '运动用品'),
  seed('bottle', '瓶子', ['瓶', '水瓶'], 'ping zi', '餐具'),
  seed('wine glass', '酒杯', ['高脚杯', '红酒杯'], 'jiu bei', '餐具'),
  seed('cup', '杯子', ['茶杯', '水杯', '马克杯'], 'bei zi', '餐具'),
  seed('fork', '叉子', ['餐叉'], 'cha zi', '餐具'),
  seed('knife', '刀', ['餐刀', '小刀'], 'dao', '餐具'),
  seed('spoon', '勺子', ['汤匙', '调羹'], 'shao zi', '餐具'),
  seed('bowl', '碗', ['饭碗'], 'wan', '餐具'),
  seed('banana', '香蕉', [], 'xiang jiao', '食物'),
  seed('apple', '苹果', [], 'ping guo', '食物'),
  seed('sandwich', '三明治', ['三文治'], 'san ming zhi', '食物'),
  seed('orange', '橙子', ['橙', '橘子'], 'cheng zi', '食物'),
  seed('broccoli', '西兰花', ['西蓝花', '绿菜花'], 'xi lan hua', '食物'),
  seed('carrot', '胡萝卜', ['红萝卜'], 'hu luo bo', '食物'),
  seed('hot dog', '热狗', [], 're gou', '食物'),
  seed('pizza', '披萨', ['比萨', '匹萨'], 'pi sa', '食物'),
  seed('donut', '甜甜圈', ['多拿滋'], 'tian tian quan', '食物'),
  seed('cake', '蛋糕', [], 'dan gao', '食物'),
  seed('chair', '椅子', ['座椅'], 'yi zi', '家具'),
  seed('couch', '沙发', [], 'sha fa', '家具'),
  seed('potted plant', '盆栽植物', ['盆栽', '盆花'], 'pen zai zhi wu', '植物'),
  seed('bed', '床', ['床铺'], 'chuang', '家具'),
  seed('dining table', '餐桌', ['饭桌', '桌子'], 'can zhuo', '家具'),
  seed('toilet', '马桶', ['坐便器'], 'ma tong', '家具'),
  seed('tv', '电视', ['电视机'], 'dian shi', '电子产品'),
  seed('laptop', '笔记本电脑', ['笔记本', '手提电脑'], 'bi ji ben dian nao', '电子产品'),
  seed('mouse', '鼠标', ['滑鼠'], 'shu biao', '电子产品'),
  seed('remote', '遥控器', [], 'yao kong qi', '电子产品'),
  seed('keyboard', '键盘', [], 'jian pan', '电子产品'),
  seed('cell phone', '手机', ['移动电话', '智能手机'], 'shou ji', '电子产品'),
  seed('microwave', '微波炉', [], 'wei bo lu', '家电'),
  seed('oven', '烤箱', ['烤炉'], 'kao xiang', '家电'),
  seed('toaster', '烤面包机', ['多士炉', '吐司机'], 'kao mian bao ji', '家电'),
  seed('sink', '水槽', ['洗手池', '水池'], 'shui cao', '家具'),
  seed('refrigerator', '冰箱', ['电冰箱'], 'bing xiang', '家电'),
  seed('book', '书', ['书本', '书籍'], 'shu', '日用品'),
  seed('clock', '时钟', ['钟', '挂钟'], 'shi zhong', '日用品'),
  seed('vase', '花瓶', [], 'hua ping', '日用品'),
  seed('scissors', '剪刀', [], 'jian dao', '日用品'),
  seed('teddy bear', '泰迪熊', ['玩具熊', '毛绒熊'], 'tai di xiong', '日用品'),
  seed('hair drier', '吹风机', ['电吹风'], 'chui feng ji', '家电'),
  seed('toothbrush', '牙刷', [], 'ya shua', '日用品'),
];

// Each category owns a hue, so a glance at a box's colour tells its kind; classes inside it differ in shade.
const CATEGORY_HUES: Record<LabelCategory, number> = {
  人: 0,
  车辆: 215,
  飞机船舶: 190,
  交通设施: 45,
  公共设施: 25,
  建筑: 30,
  动物: 120,
  植物: 95,
  随身物品: 280,
  运动用品: 165,
  餐具: 240,
  食物: 60,
  家具: 340,
  家电: 260,
  电子产品: 300,
  日用品: 10,
};

function withColours(seeds: Seed[]): Label[] {
  const siblings = (category: LabelCategory) => seeds.filter((s) => s.category === category);
  return seeds.map((s) => {
    const group = siblings(s.category);
    const rank = group.indexOf(s);
    // Spread shades over lightness 30–70 %, with a small hue drift so neighbours stay apart.
    const lightness = group.length === 1 ? 50 : 30 + (40 * rank) / (group.length - 1);
    const hue = CATEGORY_HUES[s.category] + (rank % 3) * 6;
    return { ...s, color: hslToHex(hue, 75, lightness) };
  });
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

export const COCO_ZH: LabelSet = { key: 'coco80', labels: withColours(COCO_SEEDS) };
