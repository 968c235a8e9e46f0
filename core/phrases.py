"""Phrases to read aloud: a few common words drawn at random (`secrets`), in English or Chinese.

A phrase proves a reading is live only if nobody could have recorded it before it was shown,
so each word is drawn from a couple of hundred with a cryptographic generator: twelve English
words hold over 90 bits of chance, ten Chinese ones over 70. The words are everyday, concrete
and easy to say; none is a number (a transcriber writes those as digits), and words that sound
like other words ("sea", "right"; 公园 like 公元) are left out, so that an honest reading is
heard as written.
"""

from __future__ import annotations

import secrets


def _listed(words: str) -> tuple[str, ...]:
    """Words written apart, each once, in order."""
    return tuple(dict.fromkeys(words.split()))


ENGLISH = _listed(
    """
apple river garden window pencil yellow orange purple silver golden rabbit turtle monkey tiger
lion horse donkey chicken kitten puppy dragon spider butter cheese honey lemon banana cherry
tomato potato carrot pepper onion soup cookie candle basket bottle button pillow blanket
mirror ladder hammer kettle jacket pocket wallet ticket letter paper camera guitar piano
violin drum trumpet rocket engine wheel bridge tunnel castle palace temple market village
city island forest desert valley mountain ocean beach harbor lake meadow cloud thunder storm
winter summer autumn morning evening sunset shadow planet comet moon star feather pebble
marble crystal velvet cotton leather copper doctor teacher farmer sailor pilot baker painter
dancer singer captain jungle rainbow puzzle riddle music picture question answer journey
holiday birthday festival party dinner breakfast kitchen bedroom garage office library
school hospital station airport highway street circle square triangle happy gentle quiet
brave clever lucky friendly simple heavy bright warm cold soft sharp empty fresh bitter
salty quick slow tiny giant ancient modern jump swim dance laugh carry follow open build
paint listen travel wonder gather remember borrow promise umbrella elephant giraffe penguin
dolphin octopus lobster parrot eagle falcon zebra camel squirrel hamster balloon magnet
compass lantern anchor helmet sandwich pancake noodle yogurt coffee cocoa juice water garlic
ginger melon grape mango coconut almond walnut tulip daisy cactus bamboo maple willow
"""
)

CHINESE = _listed(
    """
苹果 香蕉 西瓜 葡萄 草莓 桌子 椅子 窗户 房间 厨房 花园 学校 医院 银行 商店 超市 火车
飞机 汽车 轮船 地铁 桥梁 河流 森林 沙漠 海洋 月亮 太阳 白云 彩虹 雪花 春天 夏天 秋天 冬天
早晨 晚上 中午 周末 朋友 老师 医生 农民 厨师 画家 歌手 警察 司机 邻居 孩子 老人 熊猫 老虎
狮子 兔子 猴子 大象 小狗 小猫 鸭子 燕子 蝴蝶 蜜蜂 金鱼 骆驼 面包 米饭 面条 饺子 牛奶 咖啡
果汁 鸡蛋 蔬菜 土豆 番茄 黄瓜 白菜 辣椒 音乐 电影 故事 报纸 照片 礼物 生日 节日 旅行 运动
足球 篮球 游泳 跑步 唱歌 跳舞 读书 钢琴 吉他 电脑 手机 相机 雨伞 钥匙 书包 铅笔 眼镜 帽子
衣服 鞋子 袜子 手套 围巾 毛巾 枕头 被子 镜子 灯笼 蜡烛 气球 风筝 红色 绿色 蓝色 黄色 紫色
温暖 凉快 安静 热闹 快乐 勇敢 聪明 干净 漂亮 新鲜 高山 小溪 湖泊 岛屿 城市 乡村 街道 广场
城堡 宫殿 机场 车站 码头 护士 邮局 银河 地球 火山 草原 沙滩 海浪 星空 闪电 微风 细雨
"""
)

WORDS = {"en": ENGLISH, "zh": CHINESE}
# A list of random words is read at about two words a second (ten Chinese ones, some twenty
# syllables, in much the same time): about six seconds of speech, well past the 3 s a clip
# needs (`audio.MIN_REF_S`) once its pauses are trimmed, and inside the 6–30 s that clone best.
COUNT = {"en": 12, "zh": 10}
WORDS_PER_S = 2.0


def draw(language: str) -> str:
    """A fresh phrase in `language` ("zh": Chinese; any other: English), its words apart."""
    words = WORDS.get(language, WORDS["en"])
    return " ".join(secrets.choice(words) for _ in range(COUNT.get(language, COUNT["en"])))
