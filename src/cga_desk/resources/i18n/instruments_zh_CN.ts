<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Translation</name>
    <message>
      <source>version</source>
      <translation>zh_CN/cga-desk-1 (2026-12)</translation>
    </message>
  </context>
  <context>
    <name>katz</name>
    <message>
      <source>Katz Index of Independence in Activities of Daily Living</source>
      <translation>Katz 日常生活活动独立性指数</translation>
    </message>
    <message>
      <source>Katz ADL</source>
      <translation>Katz ADL</translation>
    </message>
    <message>
      <source>For each activity, choose the description that applies. Independent means no supervision, direction or personal assistance; supervision, direction or cueing counts as dependent.</source>
      <translation>请为每项活动选择符合的描述。“独立”指无需监督、指导或他人帮助；需要监督、指导或提示即视为“依赖”。</translation>
    </message>
    <message>
      <source>Bathing</source>
      <translation>洗澡</translation>
    </message>
    <message>
      <source>Supervision, direction, cueing or personal assistance counts as dependent.</source>
      <translation>需要监督、指导、提示或他人帮助即视为依赖。</translation>
    </message>
    <message>
      <source>Independent: bathes self completely, or needs help with one part of the body only (back, genital area, a disabled limb)</source>
      <translation>独立：能完全自己洗澡，或仅身体某一部位（背部、会阴部或一侧残障肢体）需要帮助</translation>
    </message>
    <message>
      <source>Dependent: needs help with more than one part, getting in or out of the tub or shower, or total bathing</source>
      <translation>依赖：一个以上部位需要帮助，进出浴缸或淋浴需要帮助，或完全由他人洗澡</translation>
    </message>
    <message>
      <source>Dressing</source>
      <translation>穿衣</translation>
    </message>
    <message>
      <source>Independent: takes clothes from closets and drawers and puts them on, fasteners included; help tying shoes is allowed</source>
      <translation>独立：能从衣柜、抽屉取出衣服并穿好，包括扣好纽扣拉链；系鞋带需要帮助仍属独立</translation>
    </message>
    <message>
      <source>Dependent: needs help dressing, or must be dressed completely</source>
      <translation>依赖：穿衣需要帮助，或完全由他人穿衣</translation>
    </message>
    <message>
      <source>Toileting</source>
      <translation>如厕</translation>
    </message>
    <message>
      <source>Independent: goes to the toilet, gets on and off, arranges clothes, cleans the genital area without help</source>
      <translation>独立：无需帮助即可去厕所、坐上和起身、整理衣物、清洁会阴部</translation>
    </message>
    <message>
      <source>Dependent: needs help transferring to the toilet or cleaning, or uses a bedpan or commode</source>
      <translation>依赖：移至马桶或清洁需要帮助，或使用便盆、坐便椅</translation>
    </message>
    <message>
      <source>Transferring</source>
      <translation>转移</translation>
    </message>
    <message>
      <source>Independent: moves in and out of bed or chair without help; mechanical aids are acceptable</source>
      <translation>独立：无需他人帮助即可上下床或椅子；可使用辅助器具</translation>
    </message>
    <message>
      <source>Dependent: needs help from bed to chair, or a complete transfer</source>
      <translation>依赖：从床到椅子需要帮助，或完全由他人搬移</translation>
    </message>
    <message>
      <source>Continence</source>
      <translation>大小便控制</translation>
    </message>
    <message>
      <source>Independent: complete self-control of urination and defecation</source>
      <translation>独立：能完全自主控制大小便</translation>
    </message>
    <message>
      <source>Dependent: partly or totally incontinent of bowel or bladder</source>
      <translation>依赖：大便或小便部分或完全失禁</translation>
    </message>
    <message>
      <source>Feeding</source>
      <translation>进食</translation>
    </message>
    <message>
      <source>Independent: gets food from plate to mouth without help; another person may prepare the food</source>
      <translation>独立：无需帮助即可将食物从盘中送入口中；食物可由他人准备</translation>
    </message>
    <message>
      <source>Dependent: needs partial or total help with feeding, or parenteral feeding</source>
      <translation>依赖：进食需部分或完全帮助，或需肠外营养</translation>
    </message>
  </context>
  <context>
    <name>directions</name>
    <message>
      <source>higher = more independent</source>
      <translation>越高越独立</translation>
    </message>
    <message>
      <source>higher = more comorbidity</source>
      <translation>越高合并症越多</translation>
    </message>
    <message>
      <source>higher = worse</source>
      <translation>越高越差</translation>
    </message>
    <message>
      <source>higher = better</source>
      <translation>越高越好</translation>
    </message>
    <message>
      <source>1 = baseline</source>
      <translation>1 = 基线</translation>
    </message>
    <message>
      <source>higher = more risk</source>
      <translation>越高风险越大</translation>
    </message>
    <message>
      <source>higher = frailer</source>
      <translation>越高越衰弱</translation>
    </message>
    <message>
      <source>fit &lt; intermediate &lt; frail</source>
      <translation>健壮 &lt; 中等健壮 &lt; 衰弱</translation>
    </message>
    <message>
      <source>non-frail &lt; frail</source>
      <translation>非衰弱 &lt; 衰弱</translation>
    </message>
    <message>
      <source>higher = more dependent</source>
      <translation>越高越依赖</translation>
    </message>
  </context>
  <context>
    <name>lawton</name>
    <message>
      <source>Lawton-Brody Instrumental Activities of Daily Living Scale</source>
      <translation>Lawton-Brody 工具性日常生活活动量表</translation>
    </message>
    <message>
      <source>Lawton IADL</source>
      <translation>Lawton IADL</translation>
    </message>
    <message>
      <source>For each domain, choose the one option that best describes the person's highest current level of function. All eight domains are scored for men and women alike.</source>
      <translation>每个项目请选择一个最能描述其目前最高功能水平的选项。男女均计全部八个项目。</translation>
    </message>
    <message>
      <source>Ability to use the telephone</source>
      <translation>使用电话的能力</translation>
    </message>
    <message>
      <source>Choose the one option that best describes the person's highest current level of function.</source>
      <translation>请选择一个最能描述其目前最高功能水平的选项。</translation>
    </message>
    <message>
      <source>Operates the telephone on own initiative, looks up and dials numbers</source>
      <translation>能主动使用电话，查号码并拨号</translation>
    </message>
    <message>
      <source>1. Operates the telephone on own initiative, looks up and dials numbers</source>
      <translation>1. 能主动使用电话，查号码并拨号</translation>
    </message>
    <message>
      <source>Dials a few well-known numbers</source>
      <translation>能拨打几个熟悉的号码</translation>
    </message>
    <message>
      <source>2. Dials a few well-known numbers</source>
      <translation>2. 能拨打几个熟悉的号码</translation>
    </message>
    <message>
      <source>Answers but does not dial</source>
      <translation>能接电话但不会拨号</translation>
    </message>
    <message>
      <source>3. Answers but does not dial</source>
      <translation>3. 能接电话但不会拨号</translation>
    </message>
    <message>
      <source>Does not use the telephone at all</source>
      <translation>完全不会使用电话</translation>
    </message>
    <message>
      <source>4. Does not use the telephone at all</source>
      <translation>4. 完全不会使用电话</translation>
    </message>
    <message>
      <source>Shopping</source>
      <translation>购物</translation>
    </message>
    <message>
      <source>Takes care of all shopping independently</source>
      <translation>能独立完成所有购物</translation>
    </message>
    <message>
      <source>1. Takes care of all shopping independently</source>
      <translation>1. 能独立完成所有购物</translation>
    </message>
    <message>
      <source>Shops independently for small purchases only</source>
      <translation>仅能独立购买小件物品</translation>
    </message>
    <message>
      <source>2. Shops independently for small purchases only</source>
      <translation>2. 仅能独立购买小件物品</translation>
    </message>
    <message>
      <source>Needs to be accompanied on any shopping trip</source>
      <translation>每次购物都需要有人陪同</translation>
    </message>
    <message>
      <source>3. Needs to be accompanied on any shopping trip</source>
      <translation>3. 每次购物都需要有人陪同</translation>
    </message>
    <message>
      <source>Completely unable to shop</source>
      <translation>完全不能购物</translation>
    </message>
    <message>
      <source>4. Completely unable to shop</source>
      <translation>4. 完全不能购物</translation>
    </message>
    <message>
      <source>Food preparation</source>
      <translation>做饭</translation>
    </message>
    <message>
      <source>Plans, prepares and serves adequate meals independently</source>
      <translation>能独立计划、烹制并端上足够的饭菜</translation>
    </message>
    <message>
      <source>1. Plans, prepares and serves adequate meals independently</source>
      <translation>1. 能独立计划、烹制并端上足够的饭菜</translation>
    </message>
    <message>
      <source>Prepares adequate meals if supplied with ingredients</source>
      <translation>备好食材时能做出足够的饭菜</translation>
    </message>
    <message>
      <source>2. Prepares adequate meals if supplied with ingredients</source>
      <translation>2. 备好食材时能做出足够的饭菜</translation>
    </message>
    <message>
      <source>Heats and serves prepared meals, or prepares meals but does not keep an adequate diet</source>
      <translation>能加热并端上做好的饭菜，或能做饭但不能保证饮食充足</translation>
    </message>
    <message>
      <source>3. Heats and serves prepared meals, or prepares meals but does not keep an adequate diet</source>
      <translation>3. 能加热并端上做好的饭菜，或能做饭但不能保证饮食充足</translation>
    </message>
    <message>
      <source>Needs meals prepared and served</source>
      <translation>需要他人做好并端上饭菜</translation>
    </message>
    <message>
      <source>4. Needs meals prepared and served</source>
      <translation>4. 需要他人做好并端上饭菜</translation>
    </message>
    <message>
      <source>Housekeeping</source>
      <translation>做家务</translation>
    </message>
    <message>
      <source>Maintains the house alone or with occasional help for heavy work</source>
      <translation>能独自料理家务，或仅重活偶尔需要帮助</translation>
    </message>
    <message>
      <source>1. Maintains the house alone or with occasional help for heavy work</source>
      <translation>1. 能独自料理家务，或仅重活偶尔需要帮助</translation>
    </message>
    <message>
      <source>Performs light daily tasks such as dishwashing and bed making</source>
      <translation>能做洗碗、铺床等日常轻活</translation>
    </message>
    <message>
      <source>2. Performs light daily tasks such as dishwashing and bed making</source>
      <translation>2. 能做洗碗、铺床等日常轻活</translation>
    </message>
    <message>
      <source>Performs light tasks but cannot keep an acceptable level of cleanliness</source>
      <translation>能做轻活，但不能保持适当的清洁程度</translation>
    </message>
    <message>
      <source>3. Performs light tasks but cannot keep an acceptable level of cleanliness</source>
      <translation>3. 能做轻活，但不能保持适当的清洁程度</translation>
    </message>
    <message>
      <source>Needs help with all home maintenance tasks</source>
      <translation>所有家务都需要帮助</translation>
    </message>
    <message>
      <source>4. Needs help with all home maintenance tasks</source>
      <translation>4. 所有家务都需要帮助</translation>
    </message>
    <message>
      <source>Does not take part in any housekeeping</source>
      <translation>不参与任何家务</translation>
    </message>
    <message>
      <source>5. Does not take part in any housekeeping</source>
      <translation>5. 不参与任何家务</translation>
    </message>
    <message>
      <source>Laundry</source>
      <translation>洗衣</translation>
    </message>
    <message>
      <source>Does personal laundry completely</source>
      <translation>能自己洗全部衣物</translation>
    </message>
    <message>
      <source>1. Does personal laundry completely</source>
      <translation>1. 能自己洗全部衣物</translation>
    </message>
    <message>
      <source>Launders small items (socks, stockings)</source>
      <translation>能洗小件衣物（袜子等）</translation>
    </message>
    <message>
      <source>2. Launders small items (socks, stockings)</source>
      <translation>2. 能洗小件衣物（袜子等）</translation>
    </message>
    <message>
      <source>All laundry must be done by others</source>
      <translation>所有衣物都须由他人洗</translation>
    </message>
    <message>
      <source>3. All laundry must be done by others</source>
      <translation>3. 所有衣物都须由他人洗</translation>
    </message>
    <message>
      <source>Mode of transportation</source>
      <translation>交通出行</translation>
    </message>
    <message>
      <source>Travels independently by public transport or drives own car</source>
      <translation>能独立乘坐公共交通或自己开车</translation>
    </message>
    <message>
      <source>1. Travels independently by public transport or drives own car</source>
      <translation>1. 能独立乘坐公共交通或自己开车</translation>
    </message>
    <message>
      <source>Arranges own travel by taxi but does not otherwise use public transport</source>
      <translation>能自己叫出租车出行，但不乘坐其他公共交通</translation>
    </message>
    <message>
      <source>2. Arranges own travel by taxi but does not otherwise use public transport</source>
      <translation>2. 能自己叫出租车出行，但不乘坐其他公共交通</translation>
    </message>
    <message>
      <source>Travels by public transport when accompanied</source>
      <translation>有人陪同时能乘坐公共交通</translation>
    </message>
    <message>
      <source>3. Travels by public transport when accompanied</source>
      <translation>3. 有人陪同时能乘坐公共交通</translation>
    </message>
    <message>
      <source>Travel limited to taxi or car with help of another person</source>
      <translation>出行仅限于在他人帮助下乘出租车或私家车</translation>
    </message>
    <message>
      <source>4. Travel limited to taxi or car with help of another person</source>
      <translation>4. 出行仅限于在他人帮助下乘出租车或私家车</translation>
    </message>
    <message>
      <source>Does not travel at all</source>
      <translation>完全不出行</translation>
    </message>
    <message>
      <source>5. Does not travel at all</source>
      <translation>5. 完全不出行</translation>
    </message>
    <message>
      <source>Responsibility for own medications</source>
      <translation>自行服药</translation>
    </message>
    <message>
      <source>Takes the right medication in the right dose at the right time on own responsibility</source>
      <translation>能自己负责在正确时间按正确剂量服用正确的药物</translation>
    </message>
    <message>
      <source>1. Takes the right medication in the right dose at the right time on own responsibility</source>
      <translation>1. 能自己负责在正确时间按正确剂量服用正确的药物</translation>
    </message>
    <message>
      <source>Takes responsibility if medication is prepared in advance in separate doses</source>
      <translation>药物事先按剂量分好时能自行服用</translation>
    </message>
    <message>
      <source>2. Takes responsibility if medication is prepared in advance in separate doses</source>
      <translation>2. 药物事先按剂量分好时能自行服用</translation>
    </message>
    <message>
      <source>Is not capable of dispensing own medication</source>
      <translation>不能自行分配药物</translation>
    </message>
    <message>
      <source>3. Is not capable of dispensing own medication</source>
      <translation>3. 不能自行分配药物</translation>
    </message>
    <message>
      <source>Ability to handle finances</source>
      <translation>理财能力</translation>
    </message>
    <message>
      <source>Manages financial matters independently (budgets, pays bills, goes to the bank), keeps track of income</source>
      <translation>能独立处理财务（做预算、付账单、去银行），掌握收入情况</translation>
    </message>
    <message>
      <source>1. Manages financial matters independently (budgets, pays bills, goes to the bank), keeps track of income</source>
      <translation>1. 能独立处理财务（做预算、付账单、去银行），掌握收入情况</translation>
    </message>
    <message>
      <source>Manages day-to-day purchases but needs help with banking and major purchases</source>
      <translation>能处理日常开支，但银行事务和大额购买需要帮助</translation>
    </message>
    <message>
      <source>2. Manages day-to-day purchases but needs help with banking and major purchases</source>
      <translation>2. 能处理日常开支，但银行事务和大额购买需要帮助</translation>
    </message>
    <message>
      <source>Incapable of handling money</source>
      <translation>不能管理钱财</translation>
    </message>
    <message>
      <source>3. Incapable of handling money</source>
      <translation>3. 不能管理钱财</translation>
    </message>
    <message>
      <source>Operates the telephone on own initiative, looks up and dials numbers (scores 1)</source>
      <translation>能主动使用电话，查号码并拨号（计 1 分）</translation>
    </message>
    <message>
      <source>Dials a few well-known numbers (scores 1)</source>
      <translation>能拨打几个熟悉的号码（计 1 分）</translation>
    </message>
    <message>
      <source>Answers but does not dial (scores 1)</source>
      <translation>能接电话但不会拨号（计 1 分）</translation>
    </message>
    <message>
      <source>Does not use the telephone at all (scores 0)</source>
      <translation>完全不会使用电话（计 0 分）</translation>
    </message>
    <message>
      <source>Takes care of all shopping independently (scores 1)</source>
      <translation>能独立完成所有购物（计 1 分）</translation>
    </message>
    <message>
      <source>Shops independently for small purchases only (scores 0)</source>
      <translation>仅能独立购买小件物品（计 0 分）</translation>
    </message>
    <message>
      <source>Needs to be accompanied on any shopping trip (scores 0)</source>
      <translation>每次购物都需要有人陪同（计 0 分）</translation>
    </message>
    <message>
      <source>Completely unable to shop (scores 0)</source>
      <translation>完全不能购物（计 0 分）</translation>
    </message>
    <message>
      <source>Plans, prepares and serves adequate meals independently (scores 1)</source>
      <translation>能独立计划、烹制并端上足够的饭菜（计 1 分）</translation>
    </message>
    <message>
      <source>Prepares adequate meals if supplied with ingredients (scores 0)</source>
      <translation>备好食材时能做出足够的饭菜（计 0 分）</translation>
    </message>
    <message>
      <source>Heats and serves prepared meals, or prepares meals but does not keep an adequate diet (scores 0)</source>
      <translation>能加热并端上做好的饭菜，或能做饭但不能保证饮食充足（计 0 分）</translation>
    </message>
    <message>
      <source>Needs meals prepared and served (scores 0)</source>
      <translation>需要他人做好并端上饭菜（计 0 分）</translation>
    </message>
    <message>
      <source>Maintains the house alone or with occasional help for heavy work (scores 1)</source>
      <translation>能独自料理家务，或仅重活偶尔需要帮助（计 1 分）</translation>
    </message>
    <message>
      <source>Performs light daily tasks such as dishwashing and bed making (scores 1)</source>
      <translation>能做洗碗、铺床等日常轻活（计 1 分）</translation>
    </message>
    <message>
      <source>Performs light tasks but cannot keep an acceptable level of cleanliness (scores 1)</source>
      <translation>能做轻活，但不能保持适当的清洁程度（计 1 分）</translation>
    </message>
    <message>
      <source>Needs help with all home maintenance tasks (scores 1)</source>
      <translation>所有家务都需要帮助（计 1 分）</translation>
    </message>
    <message>
      <source>Does not take part in any housekeeping (scores 0)</source>
      <translation>不参与任何家务（计 0 分）</translation>
    </message>
    <message>
      <source>Does personal laundry completely (scores 1)</source>
      <translation>能自己洗全部衣物（计 1 分）</translation>
    </message>
    <message>
      <source>Launders small items (socks, stockings) (scores 1)</source>
      <translation>能洗小件衣物（袜子等）（计 1 分）</translation>
    </message>
    <message>
      <source>All laundry must be done by others (scores 0)</source>
      <translation>所有衣物都须由他人洗（计 0 分）</translation>
    </message>
    <message>
      <source>Travels independently by public transport or drives own car (scores 1)</source>
      <translation>能独立乘坐公共交通或自己开车（计 1 分）</translation>
    </message>
    <message>
      <source>Arranges own travel by taxi but does not otherwise use public transport (scores 1)</source>
      <translation>能自己叫出租车出行，但不乘坐其他公共交通（计 1 分）</translation>
    </message>
    <message>
      <source>Travels by public transport when accompanied (scores 1)</source>
      <translation>有人陪同时能乘坐公共交通（计 1 分）</translation>
    </message>
    <message>
      <source>Travel limited to taxi or car with help of another person (scores 0)</source>
      <translation>出行仅限于在他人帮助下乘出租车或私家车（计 0 分）</translation>
    </message>
    <message>
      <source>Does not travel at all (scores 0)</source>
      <translation>完全不出行（计 0 分）</translation>
    </message>
    <message>
      <source>Takes the right medication in the right dose at the right time on own responsibility (scores 1)</source>
      <translation>能自己负责在正确时间按正确剂量服用正确的药物（计 1 分）</translation>
    </message>
    <message>
      <source>Takes responsibility if medication is prepared in advance in separate doses (scores 0)</source>
      <translation>药物事先按剂量分好时能自行服用（计 0 分）</translation>
    </message>
    <message>
      <source>Is not capable of dispensing own medication (scores 0)</source>
      <translation>不能自行分配药物（计 0 分）</translation>
    </message>
    <message>
      <source>Manages financial matters independently (budgets, pays bills, goes to the bank), keeps track of income (scores 1)</source>
      <translation>能独立处理财务（做预算、付账单、去银行），掌握收入情况（计 1 分）</translation>
    </message>
    <message>
      <source>Manages day-to-day purchases but needs help with banking and major purchases (scores 1)</source>
      <translation>能处理日常开支，但银行事务和大额购买需要帮助（计 1 分）</translation>
    </message>
    <message>
      <source>Incapable of handling money (scores 0)</source>
      <translation>不能管理钱财（计 0 分）</translation>
    </message>
  </context>
  <context>
    <name>charlson</name>
    <message>
      <source>Charlson Comorbidity Index</source>
      <translation>Charlson 合并症指数</translation>
    </message>
    <message>
      <source>Charlson CCI</source>
      <translation>Charlson CCI</translation>
    </message>
    <message>
      <source>Answer every condition. Of each graded pair (diabetes, liver disease, solid tumour) only the more severe grade counts. Do not count the patient's own myeloma or plasma cell leukaemia (the index disease). Other cancers, including earlier haematological ones, count.</source>
      <translation>请回答每一种疾病。分级的疾病（糖尿病、肝病、实体瘤）只计较重的级别。不计患者本身的骨髓瘤或浆细胞白血病（原发疾病）；其他肿瘤，包括既往的血液系统肿瘤，均应计入。</translation>
    </message>
    <message>
      <source>CCI</source>
      <translation>CCI</translation>
    </message>
    <message>
      <source>Myocardial infarction</source>
      <translation>心肌梗死</translation>
    </message>
    <message>
      <source>Tick when: history of definite or probable MI (a clinical event with ECG and/or enzyme changes).</source>
      <translation>勾选条件：有明确或可能的心肌梗死病史（伴心电图和/或心肌酶改变的临床事件）。</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>absent</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Yes (weight 1)</source>
      <translation>是（权重 1）</translation>
    </message>
    <message>
      <source>present</source>
      <translation>有</translation>
    </message>
    <message>
      <source>Congestive heart failure</source>
      <translation>充血性心力衰竭</translation>
    </message>
    <message>
      <source>Tick when: exertional or paroxysmal nocturnal dyspnoea that has responded to diuretics, digitalis or afterload reduction.</source>
      <translation>勾选条件：劳力性或夜间阵发性呼吸困难，且对利尿剂、洋地黄或降低后负荷治疗有效。</translation>
    </message>
    <message>
      <source>Peripheral vascular disease</source>
      <translation>周围血管疾病</translation>
    </message>
    <message>
      <source>Tick when: claudication, past bypass for arterial insufficiency, gangrene or acute arterial insufficiency, aortic aneurysm ≥ 6 cm.</source>
      <translation>勾选条件：间歇性跛行、曾因动脉供血不足行旁路手术、坏疽或急性动脉供血不足、主动脉瘤 ≥ 6 cm。</translation>
    </message>
    <message>
      <source>Cerebrovascular disease</source>
      <translation>脑血管疾病</translation>
    </message>
    <message>
      <source>Tick when: stroke with minor or no residua, or TIA.</source>
      <translation>勾选条件：卒中后遗留轻微或无后遗症，或短暂性脑缺血发作（TIA）。</translation>
    </message>
    <message>
      <source>Dementia</source>
      <translation>痴呆</translation>
    </message>
    <message>
      <source>Tick when: chronic cognitive deficit.</source>
      <translation>勾选条件：慢性认知功能障碍。</translation>
    </message>
    <message>
      <source>Chronic pulmonary disease</source>
      <translation>慢性肺病</translation>
    </message>
    <message>
      <source>Tick when: symptomatic chronic lung disease (asthma, chronic bronchitis, emphysema, other).</source>
      <translation>勾选条件：有症状的慢性肺部疾病（哮喘、慢性支气管炎、肺气肿等）。</translation>
    </message>
    <message>
      <source>Connective tissue disease</source>
      <translation>结缔组织病</translation>
    </message>
    <message>
      <source>Tick when: SLE, polymyositis, mixed connective tissue disease, polymyalgia rheumatica, moderate-to-severe rheumatoid arthritis.</source>
      <translation>勾选条件：系统性红斑狼疮、多发性肌炎、混合性结缔组织病、风湿性多肌痛、中重度类风湿关节炎。</translation>
    </message>
    <message>
      <source>Peptic ulcer disease</source>
      <translation>消化性溃疡</translation>
    </message>
    <message>
      <source>Tick when: ulcer disease that has needed treatment, bleeding ulcers included.</source>
      <translation>勾选条件：需要治疗的溃疡病，包括出血性溃疡。</translation>
    </message>
    <message>
      <source>Mild liver disease</source>
      <translation>轻度肝病</translation>
    </message>
    <message>
      <source>Tick when: chronic hepatitis or cirrhosis without portal hypertension.</source>
      <translation>勾选条件：慢性肝炎或无门静脉高压的肝硬化。</translation>
    </message>
    <message>
      <source>Diabetes without end-organ damage</source>
      <translation>无终末器官损害的糖尿病</translation>
    </message>
    <message>
      <source>Tick when: diabetes treated with insulin or oral agents (not diet alone), no end-organ damage.</source>
      <translation>勾选条件：使用胰岛素或口服降糖药治疗（非单纯饮食控制）的糖尿病，无终末器官损害。</translation>
    </message>
    <message>
      <source>Hemiplegia or paraplegia</source>
      <translation>偏瘫或截瘫</translation>
    </message>
    <message>
      <source>Tick when: hemiplegia or paraplegia, whatever the cause.</source>
      <translation>勾选条件：任何原因所致的偏瘫或截瘫。</translation>
    </message>
    <message>
      <source>Yes (weight 2)</source>
      <translation>是（权重 2）</translation>
    </message>
    <message>
      <source>Moderate or severe renal disease</source>
      <translation>中重度肾病</translation>
    </message>
    <message>
      <source>Tick when: creatinine &gt; 3 mg/dL (265 µmol/L), dialysis, kidney transplant, or uraemia.</source>
      <translation>勾选条件：肌酐 &gt; 3 mg/dL（265 µmol/L）、透析、肾移植或尿毒症。</translation>
    </message>
    <message>
      <source>Diabetes with end-organ damage</source>
      <translation>伴终末器官损害的糖尿病</translation>
    </message>
    <message>
      <source>Tick when: diabetic retinopathy, neuropathy or nephropathy.</source>
      <translation>勾选条件：糖尿病视网膜病变、神经病变或肾病。</translation>
    </message>
    <message>
      <source>Solid tumour without metastases</source>
      <translation>无转移的实体瘤</translation>
    </message>
    <message>
      <source>Tick when: solid tumour without metastases, diagnosed or treated in the last 5 years; not non-melanoma skin cancer.</source>
      <translation>勾选条件：近 5 年内诊断或治疗的无转移实体瘤；非黑色素瘤皮肤癌除外。</translation>
    </message>
    <message>
      <source>Leukaemia (other than the index disease)</source>
      <translation>白血病（原发疾病除外）</translation>
    </message>
    <message>
      <source>Tick when: AML, CML, ALL, CLL, polycythaemia vera — other than the patient's index disease. Do not count the patient's own myeloma or plasma cell leukaemia (the index disease). Other cancers, including earlier haematological ones, count.</source>
      <translation>勾选条件：AML、CML、ALL、CLL、真性红细胞增多症 — 患者原发疾病除外。不计患者本身的骨髓瘤或浆细胞白血病（原发疾病）；其他肿瘤，包括既往的血液系统肿瘤，均应计入。</translation>
    </message>
    <message>
      <source>Lymphoma or myeloma (other than the index disease)</source>
      <translation>淋巴瘤或骨髓瘤（原发疾病除外）</translation>
    </message>
    <message>
      <source>Tick when: Hodgkin or non-Hodgkin lymphoma, Waldenström, myeloma — other than the patient's index disease. Do not count the patient's own myeloma or plasma cell leukaemia (the index disease). Other cancers, including earlier haematological ones, count.</source>
      <translation>勾选条件：霍奇金或非霍奇金淋巴瘤、华氏巨球蛋白血症、骨髓瘤 — 患者原发疾病除外。不计患者本身的骨髓瘤或浆细胞白血病（原发疾病）；其他肿瘤，包括既往的血液系统肿瘤，均应计入。</translation>
    </message>
    <message>
      <source>Moderate or severe liver disease</source>
      <translation>中重度肝病</translation>
    </message>
    <message>
      <source>Tick when: cirrhosis with portal hypertension, with or without variceal bleeding.</source>
      <translation>勾选条件：伴门静脉高压的肝硬化，伴或不伴静脉曲张出血。</translation>
    </message>
    <message>
      <source>Yes (weight 3)</source>
      <translation>是（权重 3）</translation>
    </message>
    <message>
      <source>Metastatic solid tumour</source>
      <translation>转移性实体瘤</translation>
    </message>
    <message>
      <source>Tick when: solid tumour with documented metastases.</source>
      <translation>勾选条件：有明确转移的实体瘤。</translation>
    </message>
    <message>
      <source>Yes (weight 6)</source>
      <translation>是（权重 6）</translation>
    </message>
    <message>
      <source>AIDS</source>
      <translation>艾滋病（AIDS）</translation>
    </message>
    <message>
      <source>Tick when: definite or probable AIDS (not HIV positivity alone).</source>
      <translation>勾选条件：明确或可能的艾滋病（不包括单纯 HIV 阳性）。</translation>
    </message>
    <message>
      <source>Liver disease</source>
      <translation>肝病</translation>
    </message>
    <message>
      <source>Only the more severe grade counts.</source>
      <translation>只计较重的级别。</translation>
    </message>
    <message>
      <source>No liver disease</source>
      <translation>无肝病</translation>
    </message>
    <message>
      <source>Mild: chronic hepatitis or cirrhosis without portal hypertension (weight 1)</source>
      <translation>轻度：慢性肝炎或无门静脉高压的肝硬化（权重 1）</translation>
    </message>
    <message>
      <source>Moderate or severe: cirrhosis with portal hypertension, with or without variceal bleeding (weight 3)</source>
      <translation>中重度：伴门静脉高压的肝硬化，伴或不伴静脉曲张出血（权重 3）</translation>
    </message>
    <message>
      <source>Diabetes</source>
      <translation>糖尿病</translation>
    </message>
    <message>
      <source>No diabetes, or diabetes treated by diet alone</source>
      <translation>无糖尿病，或仅饮食控制的糖尿病</translation>
    </message>
    <message>
      <source>Treated with insulin or oral agents, no end-organ damage (weight 1)</source>
      <translation>使用胰岛素或口服降糖药治疗，无终末器官损害（权重 1）</translation>
    </message>
    <message>
      <source>With end-organ damage: retinopathy, neuropathy or nephropathy (weight 2)</source>
      <translation>伴终末器官损害：视网膜病变、神经病变或肾病（权重 2）</translation>
    </message>
    <message>
      <source>Solid tumour (not non-melanoma skin cancer)</source>
      <translation>实体瘤（非黑色素瘤皮肤癌除外）</translation>
    </message>
    <message>
      <source>Do not count the patient's own myeloma or plasma cell leukaemia (the index disease). Other cancers, including earlier haematological ones, count.</source>
      <translation>不计患者本身的骨髓瘤或浆细胞白血病（原发疾病）；其他肿瘤，包括既往的血液系统肿瘤，均应计入。</translation>
    </message>
    <message>
      <source>No solid tumour in the last 5 years</source>
      <translation>近 5 年内无实体瘤</translation>
    </message>
    <message>
      <source>Without metastases, diagnosed or treated in the last 5 years (weight 2)</source>
      <translation>无转移，近 5 年内诊断或治疗（权重 2）</translation>
    </message>
    <message>
      <source>With documented metastases (weight 6)</source>
      <translation>有明确转移（权重 6）</translation>
    </message>
  </context>
  <context>
    <name>ecog</name>
    <message>
      <source>ECOG performance status</source>
      <translation>ECOG 体能状态</translation>
    </message>
    <message>
      <source>ECOG</source>
      <translation>ECOG</translation>
    </message>
    <message>
      <source>Choose the grade that best describes the patient's current performance status.</source>
      <translation>请选择最能描述患者目前体能状态的级别。</translation>
    </message>
    <message>
      <source>Grade 5 (dead) is not selectable at a visit.</source>
      <translation>5 级（死亡）不能在访视中选择。</translation>
    </message>
    <message>
      <source>0 — Fully active, able to carry on all pre-disease performance without restriction</source>
      <translation>0 — 活动能力完全正常，与发病前活动能力无任何差异</translation>
    </message>
    <message>
      <source>1 — Restricted in physically strenuous activity but ambulatory and able to carry out work of a light nature</source>
      <translation>1 — 不能从事较重的体力活动，但能走动，并能从事轻体力工作</translation>
    </message>
    <message>
      <source>2 — Ambulatory and capable of all self-care but unable to carry out any work activities; up and about more than 50 % of waking hours</source>
      <translation>2 — 能走动，生活能完全自理，但不能从事任何工作；白天卧床时间不超过 50 %</translation>
    </message>
    <message>
      <source>3 — Capable of only limited self-care; confined to bed or chair more than 50 % of waking hours</source>
      <translation>3 — 生活仅能部分自理；白天卧床或坐椅时间超过 50 %</translation>
    </message>
    <message>
      <source>4 — Completely disabled; cannot carry on any self-care; totally confined to bed or chair</source>
      <translation>4 — 完全失能；生活完全不能自理；完全卧床或坐椅</translation>
    </message>
  </context>
  <context>
    <name>g8</name>
    <message>
      <source>G8 geriatric screening tool</source>
      <translation>G8 老年筛查工具</translation>
    </message>
    <message>
      <source>G8</source>
      <translation>G8</translation>
    </message>
    <message>
      <source>Ask the seven questions; the age item is scored from the patient's age at this visit. A total of 14 or less suggests a full geriatric assessment.</source>
      <translation>请询问七个问题；年龄一项按患者本次访视时的年龄计分。总分 ≤ 14 分提示需进行完整的老年综合评估。</translation>
    </message>
    <message>
      <source>Food intake declined over the past 3 months (loss of appetite, digestive problems, chewing or swallowing difficulties)</source>
      <translation>过去 3 个月内食量是否减少（食欲下降、消化问题、咀嚼或吞咽困难）</translation>
    </message>
    <message>
      <source>Severe decline in food intake</source>
      <translation>食量严重减少</translation>
    </message>
    <message>
      <source>Moderate decline in food intake</source>
      <translation>食量中度减少</translation>
    </message>
    <message>
      <source>No decline in food intake</source>
      <translation>食量未减少</translation>
    </message>
    <message>
      <source>Weight loss during the past 3 months</source>
      <translation>过去 3 个月内体重下降</translation>
    </message>
    <message>
      <source>Weight loss of more than 3 kg</source>
      <translation>体重下降超过 3 kg</translation>
    </message>
    <message>
      <source>Does not know</source>
      <translation>不知道</translation>
    </message>
    <message>
      <source>Weight loss between 1 and 3 kg</source>
      <translation>体重下降 1 至 3 kg</translation>
    </message>
    <message>
      <source>No weight loss</source>
      <translation>体重未下降</translation>
    </message>
    <message>
      <source>Mobility</source>
      <translation>活动能力</translation>
    </message>
    <message>
      <source>Bed- or chair-bound</source>
      <translation>卧床或只能坐椅</translation>
    </message>
    <message>
      <source>Able to get out of bed or chair but does not go out</source>
      <translation>能离开床或椅子，但不外出</translation>
    </message>
    <message>
      <source>Goes out</source>
      <translation>能外出</translation>
    </message>
    <message>
      <source>Neuropsychological problems</source>
      <translation>神经心理问题</translation>
    </message>
    <message>
      <source>Severe dementia or depression</source>
      <translation>严重痴呆或抑郁</translation>
    </message>
    <message>
      <source>Mild dementia</source>
      <translation>轻度痴呆</translation>
    </message>
    <message>
      <source>No psychological problems</source>
      <translation>无心理问题</translation>
    </message>
    <message>
      <source>Body-mass index (weight in kg / height in m²)</source>
      <translation>体重指数（体重 kg / 身高 m²）</translation>
    </message>
    <message>
      <source>BMI below 19</source>
      <translation>BMI 低于 19</translation>
    </message>
    <message>
      <source>BMI 19 to below 21</source>
      <translation>BMI 19 至低于 21</translation>
    </message>
    <message>
      <source>BMI 21 to below 23</source>
      <translation>BMI 21 至低于 23</translation>
    </message>
    <message>
      <source>BMI 23 or more</source>
      <translation>BMI 23 及以上</translation>
    </message>
    <message>
      <source>Takes more than three prescription drugs a day</source>
      <translation>每天服用三种以上处方药</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Compared with other people of the same age, how does the patient consider their health status?</source>
      <translation>与同龄人相比，患者如何评价自己的健康状况？</translation>
    </message>
    <message>
      <source>Not as good</source>
      <translation>不如同龄人</translation>
    </message>
    <message>
      <source>As good</source>
      <translation>与同龄人相当</translation>
    </message>
    <message>
      <source>Better</source>
      <translation>比同龄人好</translation>
    </message>
    <message>
      <source>Severe decline in food intake (0 points)</source>
      <translation>食量严重减少（0 分）</translation>
    </message>
    <message>
      <source>Moderate decline in food intake (1 point)</source>
      <translation>食量中度减少（1 分）</translation>
    </message>
    <message>
      <source>No decline in food intake (2 points)</source>
      <translation>食量未减少（2 分）</translation>
    </message>
    <message>
      <source>Weight loss of more than 3 kg (0 points)</source>
      <translation>体重下降超过 3 kg（0 分）</translation>
    </message>
    <message>
      <source>Does not know (1 point)</source>
      <translation>不知道（1 分）</translation>
    </message>
    <message>
      <source>Weight loss between 1 and 3 kg (2 points)</source>
      <translation>体重下降 1 至 3 kg（2 分）</translation>
    </message>
    <message>
      <source>No weight loss (3 points)</source>
      <translation>体重未下降（3 分）</translation>
    </message>
    <message>
      <source>Bed- or chair-bound (0 points)</source>
      <translation>卧床或只能坐椅（0 分）</translation>
    </message>
    <message>
      <source>Able to get out of bed or chair but does not go out (1 point)</source>
      <translation>能离开床或椅子，但不外出（1 分）</translation>
    </message>
    <message>
      <source>Goes out (2 points)</source>
      <translation>能外出（2 分）</translation>
    </message>
    <message>
      <source>Severe dementia or depression (0 points)</source>
      <translation>严重痴呆或抑郁（0 分）</translation>
    </message>
    <message>
      <source>Mild dementia (1 point)</source>
      <translation>轻度痴呆（1 分）</translation>
    </message>
    <message>
      <source>No psychological problems (2 points)</source>
      <translation>无心理问题（2 分）</translation>
    </message>
    <message>
      <source>BMI below 19 (0 points)</source>
      <translation>BMI 低于 19（0 分）</translation>
    </message>
    <message>
      <source>BMI 19 to below 21 (1 point)</source>
      <translation>BMI 19 至低于 21（1 分）</translation>
    </message>
    <message>
      <source>BMI 21 to below 23 (2 points)</source>
      <translation>BMI 21 至低于 23（2 分）</translation>
    </message>
    <message>
      <source>BMI 23 or more (3 points)</source>
      <translation>BMI 23 及以上（3 分）</translation>
    </message>
    <message>
      <source>Yes (0 points)</source>
      <translation>是（0 分）</translation>
    </message>
    <message>
      <source>No (1 point)</source>
      <translation>否（1 分）</translation>
    </message>
    <message>
      <source>Not as good (0 points)</source>
      <translation>不如同龄人（0 分）</translation>
    </message>
    <message>
      <source>Does not know (0.5 points)</source>
      <translation>不知道（0.5 分）</translation>
    </message>
    <message>
      <source>As good (1 point)</source>
      <translation>与同龄人相当（1 分）</translation>
    </message>
    <message>
      <source>Better (2 points)</source>
      <translation>比同龄人好（2 分）</translation>
    </message>
  </context>
  <context>
    <name>codebook</name>
    <message>
      <source>G8 screening total, age item included</source>
      <translation>G8 筛查总分，含年龄项</translation>
    </message>
    <message>
      <source>0-17 in steps of 0.5</source>
      <translation>0-17，步长 0.5</translation>
    </message>
    <message>
      <source>higher = better</source>
      <translation>越高越好</translation>
    </message>
    <message>
      <source>G8 total of 14 or less: a full geriatric assessment is suggested</source>
      <translation>G8 总分 ≤ 14：建议进行完整的老年综合评估</translation>
    </message>
    <message>
      <source>0, 1</source>
      <translation>0, 1</translation>
    </message>
    <message>
      <source>empty = no baseline, or either side incomplete (never 0)</source>
      <translation>空 = 无基线或任一方未完成（从不记为 0）</translation>
    </message>
    <message>
      <source>Study ID of the patient (the only patient identifier of a de-identified export)</source>
      <translation>患者研究编号（去标识化导出中唯一的患者标识）</translation>
    </message>
    <message>
      <source>text</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>Date of the assessment visit (the visit date, never the data-entry time)</source>
      <translation>评估访视日期（访视当天，而非数据录入时间）</translation>
    </message>
    <message>
      <source>YYYY-MM-DD</source>
      <translation>YYYY-MM-DD</translation>
    </message>
    <message>
      <source>Protocol timepoint of the visit, or 'Unscheduled'</source>
      <translation>访视的方案时间点，或 'Unscheduled'（计划外）</translation>
    </message>
    <message>
      <source>Visit status: draft (being entered), complete (all instruments answered), signed (by a physician)</source>
      <translation>访视状态：draft（录入中）、complete（所有量表已作答）、signed（医师已签署）</translation>
    </message>
    <message>
      <source>draft, complete, signed</source>
      <translation>draft, complete, signed</translation>
    </message>
    <message>
      <source>1 = this visit is the patient's effective baseline: the visit marked baseline or, when none is marked, the earliest visit with Katz, Lawton and Charlson complete</source>
      <translation>1 = 本次访视为患者的有效基线：已标记为基线的访视；若无标记，则为 Katz、Lawton 和 Charlson 均完整的最早访视</translation>
    </message>
    <message>
      <source>0-1</source>
      <translation>0-1</translation>
    </message>
    <message>
      <source>1 = baseline</source>
      <translation>1 = 基线</translation>
    </message>
    <message>
      <source>Date of the baseline this visit is compared with (the most recent marked baseline on or before the visit); empty = no baseline</source>
      <translation>本次访视所比较的基线日期（访视当天或之前最近标记的基线）；空 = 无基线</translation>
    </message>
    <message>
      <source>Days from the baseline visit to this visit; empty = no baseline</source>
      <translation>从基线访视到本次访视的天数；空 = 无基线</translation>
    </message>
    <message>
      <source>0 or more</source>
      <translation>0 及以上</translation>
    </message>
    <message>
      <source>Age in completed years on the visit date</source>
      <translation>访视日的周岁年龄</translation>
    </message>
    <message>
      <source>whole years</source>
      <translation>整岁</translation>
    </message>
    <message>
      <source>Katz Index of Independence in ADL, Hartford 0-6 dichotomous version; empty = incomplete</source>
      <translation>Katz 日常生活活动独立性指数，Hartford 0-6 二分类版；空 = 未完成</translation>
    </message>
    <message>
      <source>0-6</source>
      <translation>0-6</translation>
    </message>
    <message>
      <source>Lawton-Brody IADL, all eight domains for every sex; empty = incomplete</source>
      <translation>Lawton-Brody IADL，不分性别计全部八项；空 = 未完成</translation>
    </message>
    <message>
      <source>0-8</source>
      <translation>0-8</translation>
    </message>
    <message>
      <source>Charlson Comorbidity Index, unadjusted, the index disease excluded; empty = incomplete</source>
      <translation>Charlson 合并症指数，未校正，不计原发疾病；空 = 未完成</translation>
    </message>
    <message>
      <source>0-33 (0-37 when a total was entered from paper)</source>
      <translation>0-33（按纸质记录录入总分时为 0-37）</translation>
    </message>
    <message>
      <source>CCI + age points (50-59: 1, 60-69: 2, 70-79: 3, 80 or more: 4); information only, never used by the IMWG score</source>
      <translation>CCI + 年龄分（50-59：1，60-69：2，70-79：3，80 及以上：4）；仅供参考，IMWG 评分从不使用</translation>
    </message>
    <message>
      <source>0-41</source>
      <translation>0-41</translation>
    </message>
    <message>
      <source>higher = more risk</source>
      <translation>越高风险越大</translation>
    </message>
    <message>
      <source>ECOG performance status; empty = not recorded (optional)</source>
      <translation>ECOG 体能状态；空 = 未记录（可选）</translation>
    </message>
    <message>
      <source>0-4</source>
      <translation>0-4</translation>
    </message>
    <message>
      <source>higher = worse</source>
      <translation>越高越差</translation>
    </message>
    <message>
      <source>IMWG frailty score (Palumbo 2015): age + CCI + ADL + IADL points; empty = an instrument incomplete</source>
      <translation>IMWG 衰弱评分（Palumbo 2015）：年龄 + CCI + ADL + IADL 得分；空 = 有量表未完成</translation>
    </message>
    <message>
      <source>0-5</source>
      <translation>0-5</translation>
    </message>
    <message>
      <source>higher = frailer</source>
      <translation>越高越衰弱</translation>
    </message>
    <message>
      <source>IMWG category: score 0 fit, 1 intermediate, 2 or more frail</source>
      <translation>IMWG 分类：0 分 fit（健壮），1 分 intermediate（中等健壮），≥ 2 分 frail（衰弱）</translation>
    </message>
    <message>
      <source>fit, intermediate, frail</source>
      <translation>fit, intermediate, frail</translation>
    </message>
    <message>
      <source>fit &lt; intermediate &lt; frail</source>
      <translation>fit（健壮）&lt; intermediate（中等健壮）&lt; frail（衰弱）</translation>
    </message>
    <message>
      <source>IMWG age points: 75 or under 0, 76-80 1, 81 or over 2</source>
      <translation>IMWG 年龄分：≤ 75 岁 0 分，76-80 岁 1 分，≥ 81 岁 2 分</translation>
    </message>
    <message>
      <source>0-2</source>
      <translation>0-2</translation>
    </message>
    <message>
      <source>IMWG CCI point: 1 when CCI is 2 or more</source>
      <translation>IMWG CCI 分：CCI ≥ 2 时为 1</translation>
    </message>
    <message>
      <source>IMWG ADL point: 1 when Katz ADL is 4 or less</source>
      <translation>IMWG ADL 分：Katz ADL ≤ 4 时为 1</translation>
    </message>
    <message>
      <source>IMWG IADL point: 1 when Lawton IADL is 5 or less</source>
      <translation>IMWG IADL 分：Lawton IADL ≤ 5 时为 1</translation>
    </message>
    <message>
      <source>Simplified frailty score (Facon 2020): IMWG age points + (CCI 2 or more: 1) + ECOG points (0: 0, 1: 1, 2 or more: 2); empty when ECOG is not recorded</source>
      <translation>简化衰弱评分（Facon 2020）：IMWG 年龄分 +（CCI ≥ 2：1）+ ECOG 分（0：0，1：1，≥ 2：2）；未记录 ECOG 时为空</translation>
    </message>
    <message>
      <source>Simplified frailty category: 0-1 non-frail, 2 or more frail</source>
      <translation>简化衰弱分类：0-1 non-frail（非衰弱），≥ 2 frail（衰弱）</translation>
    </message>
    <message>
      <source>non-frail, frail</source>
      <translation>non-frail, frail</translation>
    </message>
    <message>
      <source>non-frail &lt; frail</source>
      <translation>non-frail（非衰弱）&lt; frail（衰弱）</translation>
    </message>
    <message>
      <source>ADL dependency count, derived: 6 - katz_adl</source>
      <translation>ADL 依赖项数，派生：6 - katz_adl</translation>
    </message>
    <message>
      <source>higher = more dependent</source>
      <translation>越高越依赖</translation>
    </message>
    <message>
      <source>IADL dependency count, derived: 8 - lawton_iadl</source>
      <translation>IADL 依赖项数，派生：8 - lawton_iadl</translation>
    </message>
    <message>
      <source>katz_adl at this visit - katz_adl at baseline; empty = no baseline, or either side incomplete (never 0)</source>
      <translation>本次访视 katz_adl - 基线 katz_adl；空 = 无基线或任一方未完成（从不记为 0）</translation>
    </message>
    <message>
      <source>-6 to +6</source>
      <translation>-6 至 +6</translation>
    </message>
    <message>
      <source>lawton_iadl at this visit - lawton_iadl at baseline; empty = no baseline, or either side incomplete (never 0)</source>
      <translation>本次访视 lawton_iadl - 基线 lawton_iadl；空 = 无基线或任一方未完成（从不记为 0）</translation>
    </message>
    <message>
      <source>-8 to +8</source>
      <translation>-8 至 +8</translation>
    </message>
    <message>
      <source>cci at this visit - cci at baseline; empty = no baseline, or either side incomplete (never 0)</source>
      <translation>本次访视 cci - 基线 cci；空 = 无基线或任一方未完成（从不记为 0）</translation>
    </message>
    <message>
      <source>-37 to +37</source>
      <translation>-37 至 +37</translation>
    </message>
    <message>
      <source>imwg_score at this visit - imwg_score at baseline; empty = no baseline, or either side incomplete (never 0)</source>
      <translation>本次访视 imwg_score - 基线 imwg_score；空 = 无基线或任一方未完成（从不记为 0）</translation>
    </message>
    <message>
      <source>-5 to +5</source>
      <translation>-5 至 +5</translation>
    </message>
    <message>
      <source>IMWG category transition since baseline, '&lt;baseline&gt; -&gt; &lt;this visit&gt;' (e.g. 'fit -&gt; frail'); empty when unchanged, or either side missing or no baseline</source>
      <translation>自基线以来的 IMWG 分类变化，'&lt;基线&gt; -&gt; &lt;本次访视&gt;'（例如 'fit -&gt; frail'）；未变化、任一方缺失或无基线时为空</translation>
    </message>
    <message>
      <source>Patient name (identifying: absent from a de-identified export)</source>
      <translation>患者姓名（可识别信息：去标识化导出中不含）</translation>
    </message>
    <message>
      <source>Birth date (identifying: absent from a de-identified export)</source>
      <translation>出生日期（可识别信息：去标识化导出中不含）</translation>
    </message>
    <message>
      <source>Hospital medical record number, when recorded (identifying: absent from a de-identified export)</source>
      <translation>医院病案号（如有记录；可识别信息：去标识化导出中不含）</translation>
    </message>
  </context>
</TS>
