"""Phrases to read aloud: a few common words drawn at random (`secrets`), in each interface
language (`core.locales.LANGUAGES`).

A phrase proves a reading is live only if nobody could have recorded it before it was shown,
so each word is drawn from a couple of hundred with a cryptographic generator: twelve English
words (of 221) hold 93 bits of chance, ten Chinese ones (of 160) 73, and ten in each other
language (of 234 to 283) 78 to 81. The words are everyday, concrete and easy to say, written
as a transcriber (Whisper) writes them: none is a number (a transcriber writes those as
digits); words that sound like other words are left out ("sea", "right"; 公园 like 公元;
French "verre" like "vert", Spanish "taza" like "tasa", Portuguese "cinto" like "sinto",
German "Stadt" like "statt", Russian "луг" like "лук", Korean 게 like 개), and so are words
written more than one usual way (Japanese 猫 or ネコ, コンピューター or コンピュータ; Russian
words with ё, often written е; Portuguese "trator" or "tractor"; Korean 소파 or 쇼파), so
that an honest reading is heard as written. Japanese words are mostly katakana loanwords and
kanji compounds, which have one standard spelling, and none is a single kanji (雨 or 飴).

Chinese and Japanese phrases are written as those languages write a list, with the
enumeration comma 、 and no spaces; Korean ones with spaces. A reading is compared with its
phrase by character there (`core.text.error_rate`), punctuation and spaces aside, so how the
words are joined only changes how the phrase looks.
"""

from __future__ import annotations

import secrets


def _listed(words: str) -> tuple[str, ...]:
    """Words written apart, in order (tests check that each is there once)."""
    return tuple(words.split())


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

SPANISH = _listed(
    """
manzana naranja fresa cereza pera piña mango coco tomate patata zanahoria cebolla ajo pimiento
lechuga pepino calabaza aguacate chocolate galleta pastel helado queso mantequilla pan leche
huevo arroz sopa ensalada miel harina pescado carne tortilla salsa ciruela almendra fideos
mermelada caramelo perro gato caballo oveja cerdo conejo tortuga elefante jirafa tigre mono oso
pato gallina paloma ballena pulpo cangrejo mariposa abeja hormiga caracol rana serpiente lobo
zorro ardilla camello cebra loro canguro burro gorila delfín ratón león tiburón águila mesa
silla cama puerta ventana cocina espejo almohada manta cortina alfombra escalera techo pared
llave reloj cuchara tenedor cuchillo plato botella nevera toalla cepillo peine tijeras bolsa
maleta caja globo vela lámpara jabón teléfono ventilador mochila paraguas linterna camisa
zapato sombrero bufanda guante abrigo chaqueta falda vestido bolsillo gafas calcetín pantalón
escuela hospital banco tienda mercado parque ciudad pueblo playa montaña lago bosque desierto
isla puente calle plaza iglesia castillo museo teatro aeropuerto biblioteca oficina granja
jardín río sol luna estrella nube lluvia nieve viento tormenta flor piedra arena cielo fuego
tierra árbol semilla coche tren barco bicicleta moto avión camión cohete tractor guitarra piano
tambor trompeta flauta libro cuaderno lápiz papel carta mapa regalo juguete pelota muñeca
cometa martillo brújula ancla doctor maestro abuelo abuela hermano amigo vecino cocinero
panadero granjero pintor cantante piloto marinero bombero payaso rojo verde azul amarillo
blanco negro morado dorado feliz grande pequeño bonito alegre tranquilo suave dulce fresco
caliente fiesta cumpleaños canción música sorpresa domingo invierno verano otoño primavera
noche tarde nariz rodilla cabeza cuello hombro cantar bailar nadar correr saltar leer escribir
cocinar jugar dormir
"""
)

GERMAN = _listed(
    """
Apfel Banane Birne Kirsche Erdbeere Zitrone Pfirsich Pflaume Melone Ananas Tomate Kartoffel
Gurke Zwiebel Karotte Kürbis Erbse Pilz Salat Suppe Brot Butter Käse Honig Kuchen Keks
Schokolade Marmelade Nudel Milch Kaffee Kakao Saft Wasser Zucker Pfeffer Wurst Hund Katze Pferd
Kuh Schaf Schwein Ziege Hase Maus Löwe Tiger Affe Elefant Giraffe Zebra Wolf Fuchs Igel Eule
Adler Taube Ente Gans Huhn Frosch Schlange Schildkröte Schmetterling Biene Ameise Spinne
Schnecke Fisch Pinguin Papagei Kamel Krokodil Eichhörnchen Hamster Tisch Stuhl Bett Sofa Lampe
Fenster Tür Treppe Küche Garten Keller Spiegel Kissen Decke Teppich Vorhang Schrank Regal
Kühlschrank Ofen Herd Topf Pfanne Teller Tasse Gabel Löffel Messer Flasche Schüssel Besen Eimer
Schlüssel Kerze Seife Handtuch Bürste Kamm Schere Korb Koffer Tasche Kiste Telefon Fernseher
Computer Rucksack Regenschirm Taschenlampe Hemd Hose Jacke Mantel Schuh Stiefel Socke Mütze
Schal Handschuh Kleid Gürtel Knopf Brille Schule Kirche Bahnhof Flughafen Hafen Brücke Straße
Markt Bäckerei Museum Theater Kino Bibliothek Krankenhaus Schloss Burg Dorf Insel Strand Berg
Fluss Wald Wiese Wüste Höhle Park Turm Spielplatz Schaukel Rutsche Zelt Bauernhof Sonne Mond
Stern Wolke Regen Schnee Wind Gewitter Blitz Donner Regenbogen Himmel Blume Tulpe Baum Blatt
Gras Stein Sand Feuer Auto Bus Zug Fahrrad Flugzeug Schiff Rakete Traktor Motorrad Taxi Bagger
Feuerwehr Buch Heft Bleistift Papier Brief Karte Kamera Gitarre Klavier Trommel Geige Flöte
Trompete Ballon Puppe Kompass Laterne Anker Hammer Leiter Schaufel Geschenk Zeitung Arzt Lehrer
Bäcker Maler Sänger Pilot Kapitän Polizist Nachbar Freund Oma Opa Onkel Tante Bruder Schwester
König Prinzessin Zauberer Morgen Abend Winter Sommer Herbst Frühling Sonntag Geburtstag Urlaub
Reise Musik Tanz Spiel Rätsel Frage Nase Schulter Knie Finger Rücken rot grün blau gelb schwarz
braun lila groß klein warm kalt leise schnell langsam fröhlich müde süß sauer
"""
)

FRENCH = _listed(
    """
banane cerise fraise framboise abricot citron orange melon ananas pastèque tomate carotte
concombre citrouille champignon salade fromage chocolat gâteau biscuit confiture baguette
croissant bonbon omelette sandwich miel café sucre farine soupe poulet jambon poisson crêpe
tarte chien cheval vache mouton cochon chèvre lapin tigre singe éléphant girafe zèbre renard
hérisson hibou aigle pigeon canard serpent tortue grenouille papillon abeille fourmi araignée
escargot baleine dauphin requin pingouin perroquet chameau crocodile écureuil hamster kangourou
dinosaure dragon table chaise fauteuil canapé tabouret fenêtre escalier cuisine jardin balcon
grenier cheminée miroir coussin oreiller couverture tapis rideau armoire tiroir placard étagère
frigo casserole assiette tasse fourchette couteau bouteille bougie savon serviette brosse
peigne ciseaux panier valise lampe robinet baignoire lavabo chemise pantalon veste manteau
chaussure botte chaussette pantoufle bonnet casquette écharpe gant robe jupe ceinture bouton
lunettes chapeau tablier pyjama école église gare aéroport boulangerie pharmacie banque musée
théâtre cinéma bibliothèque hôpital château village plage montagne colline rivière cascade
volcan prairie désert grotte parc piscine soleil lune étoile planète comète nuage pluie neige
orage tonnerre éclair ciel fleur tulipe arbre feuille herbe sable voiture autobus train vélo
avion bateau fusée tracteur camion moto taxi métro hélicoptère ambulance trottinette livre
cahier crayon papier lettre carte journal guitare piano tambour violon flûte trompette
accordéon ballon poupée jouet toupie boussole lanterne marteau échelle cadeau téléphone
ordinateur horloge parapluie médecin professeur dentiste fermier boulanger cuisinier jardinier
peintre chanteur pilote capitaine policier pompier facteur voisin roi princesse clown pirate
sorcière trésor matin soir hiver automne printemps dimanche anniversaire vacances voyage
musique chanson question visage genou épaule moustache rouge jaune rapide calme tranquille
facile heureux
"""
)

PORTUGUESE = _listed(
    """
maçã banana laranja morango limão uva abacaxi melancia cereja coco manga tomate batata cenoura
cebola alho pepino alface abóbora pão queijo manteiga leite arroz feijão sopa salada bolo
biscoito chocolate mel açúcar café farinha frango peixe carne sorvete pipoca cachorro gato
cavalo vaca ovelha porco cabra coelho rato urso leão tigre macaco elefante girafa zebra lobo
raposa coruja águia pombo pato galinha sapo cobra tartaruga borboleta abelha formiga aranha
caracol baleia golfinho tubarão polvo caranguejo papagaio camelo jacaré esquilo canguru mesa
cadeira cama porta janela escada cozinha jardim espelho almofada cobertor tapete cortina
armário geladeira fogão panela prato copo garfo colher faca garrafa tigela vassoura balde chave
vela sabonete toalha escova pente tesoura mala caixa lâmpada relógio telefone computador
mochila camisa casaco sapato bota meia chapéu luva vestido saia botão bolso óculos escola
igreja estação aeroporto porto ponte rua mercado padaria banco museu teatro cinema biblioteca
hospital castelo aldeia ilha praia montanha vale rio floresta deserto caverna parque fazenda
sol lua estrela nuvem chuva neve vento trovão flor árvore folha pedra areia fogo mar carro
navio barco avião bicicleta foguete moto livro caderno lápis papel carta jornal violão piano
tambor violino flauta trompete bola boneca bússola lanterna âncora martelo presente médico
professor padeiro cozinheiro pintor cantor piloto capitão bombeiro vizinho amigo rei rainha
princesa palhaço carteiro manhã noite tarde inverno verão outono primavera domingo aniversário
férias música canção dança jogo festa pergunta vermelho verde azul amarelo branco preto roxo
feliz grande pequeno bonito alegre calmo rápido doce quente frio nariz joelho cabeça ombro
"""
)

RUSSIAN = _listed(
    """
яблоко банан груша вишня клубника лимон апельсин арбуз дыня виноград помидор огурец морковь
картошка капуста чеснок хлеб сыр масло молоко сахар суп каша пирог торт печенье шоколад
мороженое варенье чай кофе сок вода рыба мясо курица колбаса собака кошка лошадь корова овца
свинья коза кролик заяц мышь медведь лиса волк тигр лев обезьяна слон жираф зебра сова голубь
утка гусь петух лягушка змея черепаха бабочка пчела муравей паук улитка кит дельфин акула
осьминог краб пингвин попугай верблюд белка хомяк кенгуру крокодил стол стул кровать диван окно
дверь лестница кухня сад зеркало подушка одеяло штора шкаф полка холодильник плита кастрюля
сковорода тарелка чашка стакан вилка ложка нож бутылка миска веник ведро ключ свеча мыло
полотенце ножницы корзина чемодан коробка сумка лампа часы телефон компьютер телевизор рубашка
брюки куртка пальто сапог носок шапка шарф перчатка платье юбка ремень пуговица карман очки
шляпа школа церковь вокзал аэропорт мост улица рынок магазин банк музей театр кино библиотека
больница замок деревня остров пляж гора долина река озеро лес поле пустыня пещера парк башня
город солнце луна звезда облако дождь снег ветер гроза гром молния радуга небо цветок роза
тюльпан дерево лист трава камень песок огонь земля море машина автобус поезд трамвай велосипед
корабль лодка ракета трактор мотоцикл такси метро книга тетрадь карандаш бумага письмо открытка
газета гитара пианино барабан скрипка флейта труба мяч кукла компас фонарь якорь молоток лопата
подарок зонтик врач учитель повар пекарь художник певец пилот капитан пожарный сосед друг
бабушка дедушка король королева принцесса клоун утро вечер зима лето осень весна воскресенье
праздник отпуск путешествие музыка песня танец игра загадка вопрос красный синий белый серый
розовый оранжевый большой маленький тихий быстрый холодный сладкий мягкий новый
"""
)

JAPANESE = _listed(
    """
バナナ メロン レモン トマト オレンジ キャベツ ピーマン チーズ バター ケーキ クッキー
チョコレート プリン ゼリー ピザ カレー スープ サラダ ステーキ ハンバーガー トースト パスタ
オムレツ コロッケ ソーセージ ベーコン ポップコーン ホットケーキ パイナップル マンゴー
コーヒー ジュース ミルク ヨーグルト ラーメン ライオン パンダ ゴリラ コアラ ペンギン
カンガルー ハムスター フラミンゴ チーター チンパンジー カメラ ピアノ ギター ドラム
トランペット ハーモニカ テレビ ラジオ パソコン ロボット ロケット エンジン タイヤ ボール
ラケット ヘルメット カレンダー ポスター ノート テープ ロープ バケツ ブラシ ランプ タオル
ハンカチ スプーン フォーク ナイフ コップ グラス テーブル ベッド カーテン シャワー プール
ボタン ポケット ネクタイ シャツ スカート ズボン コート セーター ブーツ サンダル リボン
ネックレス マフラー ジャケット エプロン パジャマ スリッパ アイロン オーブン ミシン ブランコ
シーソー トンネル ベンチ テント キャンプ バス タクシー トラック ボート ヨット ヘリコプター
バイク ホテル レストラン デパート スーパー コンビニ アパート サッカー テニス ゴルフ スキー
ダンス マラソン ピクニック プレゼント ゲーム ニュース 学校 病院 銀行 図書館 郵便局 美術館
博物館 動物園 水族館 遊園地 空港 電車 地下鉄 自転車 飛行機 新幹線 自動車 新聞 雑誌 写真
音楽 映画 手紙 切手 電話 時計 財布 鉛筆 消しゴム 教科書 黒板 宿題 教室 先生 学生 医者
警察官 消防士 運転手 歌手 画家 大工 家族 赤ちゃん 野菜 果物 牛乳 紅茶 緑茶 料理 天ぷら
豆腐 納豆 台所 冷蔵庫 洗濯機 掃除機 階段 玄関 屋根 部屋 帽子 手袋 靴下 着物 浴衣 布団
毛布 風鈴 花火 風船 人形 絵本 地図 荷物 切符 花瓶 歯ブラシ 太陽 地球 宇宙 火山 海岸
砂浜 森林 温泉 神社 星空 青空 満月 台風 雪だるま 誕生日 日曜日 週末 動物 金魚 本屋
花屋 喫茶店 映画館 体育館 大学 交番
"""
)

KOREAN = _listed(
    """
사과 바나나 포도 딸기 수박 참외 복숭아 레몬 토마토 감자 고구마 당근 양파 마늘 배추
시금치 버섯 호박 옥수수 치즈 버터 우유 커피 녹차 홍차 라면 만두 김밥 김치 두부 국수
비빔밥 불고기 떡국 과자 사탕 아이스크림 피자 햄버거 샌드위치 강아지 고양이 토끼 호랑이
사자 코끼리 기린 원숭이 여우 늑대 사슴 다람쥐 돼지 오리 거위 비둘기 참새 독수리 부엉이
앵무새 펭귄 돌고래 고래 상어 문어 오징어 거북이 개구리 나비 꿀벌 개미 거미 달팽이 악어
낙타 캥거루 햄스터 얼룩말 책상 의자 침대 창문 거울 이불 담요 냉장고 세탁기 청소기
선풍기 전화기 시계 달력 액자 화분 계단 부엌 욕실 화장실 현관 지붕 마당 정원 냄비 접시
그릇 숟가락 젓가락 포크 국자 주전자 도마 연필 지우개 공책 필통 가방 우산 안경 모자
장갑 양말 신발 운동화 구두 치마 바지 셔츠 넥타이 목도리 단추 주머니 지갑 열쇠 편지
우표 신문 잡지 사진 카메라 피아노 기타 드럼 바이올린 풍선 인형 장난감 자전거 자동차
기차 버스 택시 트럭 비행기 헬리콥터 지하철 학교 병원 은행 도서관 우체국 박물관 미술관
동물원 수족관 놀이공원 공항 기차역 시장 공원 가게 빵집 꽃집 약국 식당 호텔 극장 영화관
교회 바다 호수 사막 해변 폭포 동굴 마을 도시 시골 다리 하늘 구름 무지개 태양 바람
번개 천둥 나무 모래 바위 의사 선생님 간호사 경찰관 소방관 요리사 화가 가수 농부 어부
목수 할머니 할아버지 친구 이웃 아기 아침 저녁 점심 여름 가을 겨울 주말 생일 휴가 여행
방학 음악 노래 축구 야구 농구 수영 배구 테니스 그림 숙제
"""
)

WORDS = {
    "en": ENGLISH,
    "zh": CHINESE,
    "es": SPANISH,
    "ja": JAPANESE,
    "ko": KOREAN,
    "de": GERMAN,
    "fr": FRENCH,
    "pt": PORTUGUESE,
    "ru": RUSSIAN,
}
# A list of random words is read at about two words a second, whatever the language (ten
# Chinese words are some twenty syllables, ten Korean ones some twenty-three, ten Japanese
# ones some forty morae, said quickly): five seconds of speech or more, six for the twelve
# English words, past the 3 s a clip needs (`reference_audio.MIN_REF_S`) once its pauses are
# trimmed, and at or near the 6–30 s that clone best. Ten words in every other language: with
# 160 to 283 to choose from, each phrase holds over 70 bits (see above).
COUNT = {"en": 12, "zh": 10, "es": 10, "ja": 10, "ko": 10, "de": 10, "fr": 10, "pt": 10, "ru": 10}
WORDS_PER_S = 2.0
JOINED = {"zh": "、", "ja": "、"}  # how a list of words is written; in any other language, apart


def draw(language: str) -> str:
    """A fresh phrase in `language` (English in one without words here), its words joined
    as the language writes a list."""
    if language not in WORDS:
        language = "en"
    picked = (secrets.choice(WORDS[language]) for _ in range(COUNT[language]))
    return JOINED.get(language, " ").join(picked)
